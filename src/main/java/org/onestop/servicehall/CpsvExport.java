package org.onestop.servicehall;

import java.io.StringWriter;
import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sys.JenaSystem;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.onestop.account.Department;
import org.onestop.servicehall.ServiceDraft.Material;
import org.onestop.servicehall.ServiceViews.ConceptRef;
import org.onestop.servicehall.ServiceViews.Guide;
import org.springframework.stereotype.Component;

/**
 * Describes services in CPSV-AP 3.2.0 as RDF. Every resource a service refers to is typed and
 * carries what its shape requires (identifier, title), because the SEMIC shapes check ranges with
 * {@code sh:class}: an untyped authority or event would be a violation. Identifiers of things the
 * portal owns live under the portal's base IRI; the currency is the EU authority table's.
 */
@Component
class CpsvExport {

    enum Format {
        TURTLE(RDFFormat.TURTLE_PRETTY), JSON_LD(RDFFormat.JSONLD11);

        private final RDFFormat rdf;

        Format(RDFFormat rdf) {
            this.rdf = rdf;
        }
    }

    /** Where a page of the catalogue sits among the others; absent neighbours are null. */
    record PageLinks(String self, String first, String last, String previous, String next, long total) {
    }

    static final String CPSV = "http://purl.org/vocab/cpsv#";
    static final String CV = "http://data.europa.eu/m8g/";
    static final String DCT = "http://purl.org/dc/terms/";
    static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    static final String ELI = "http://data.europa.eu/eli/ontology#";
    static final String DCAT = "http://www.w3.org/ns/dcat#";
    static final String FOAF = "http://xmlns.com/foaf/0.1/";
    static final String ORG = "http://www.w3.org/ns/org#";
    static final String HYDRA = "http://www.w3.org/ns/hydra/core#";
    private static final String CNY = "http://publications.europa.eu/resource/authority/currency/CNY";

    CpsvExport() {
        // Jena registers its languages and datatypes on first use; do it at start-up, not in a request.
        JenaSystem.init();
    }

    Model service(String base, Guide guide) {
        Model m = model();
        describe(m, base, guide);
        return m;
    }

    /** One page of the catalogue: the catalogue as a dcat:Dataset with its services of this page and hydra paging. */
    Model catalogue(String base, List<Guide> guides, Department publisher, PageLinks links) {
        Model m = model();
        Resource catalogue = m.createResource(base + "api/services/cpsv")
                .addProperty(RDF.type, m.createResource(DCAT + "Dataset"))
                .addProperty(RDF.type, m.createResource(HYDRA + "Collection"))
                .addProperty(p(m, DCT, "title"), "青岛市政务服务事项目录", "zh")
                .addProperty(p(m, DCT, "title"), "Qingdao catalogue of public services", "en")
                .addProperty(p(m, DCT, "description"), "青岛市网上便民服务大厅公开的全部政务服务事项及其办事指南。", "zh")
                .addProperty(p(m, DCT, "description"), "All public services of the Qingdao online service hall, with their guides.", "en")
                .addProperty(p(m, DCT, "publisher"), organisation(m, base, publisher.id(), publisher.code(),
                        publisher.nameZh(), publisher.nameEn()))
                .addLiteral(p(m, HYDRA, "totalItems"), m.createTypedLiteral(links.total(), XSDDatatype.XSDnonNegativeInteger));
        for (Guide guide : guides) {
            catalogue.addProperty(p(m, DCT, "hasPart"), describe(m, base, guide));
        }
        Resource view = m.createResource(links.self()).addProperty(RDF.type, m.createResource(HYDRA + "PartialCollectionView"))
                .addProperty(p(m, HYDRA, "first"), m.createResource(links.first()))
                .addProperty(p(m, HYDRA, "last"), m.createResource(links.last()));
        if (links.previous() != null) {
            view.addProperty(p(m, HYDRA, "previous"), m.createResource(links.previous()));
        }
        if (links.next() != null) {
            view.addProperty(p(m, HYDRA, "next"), m.createResource(links.next()));
        }
        catalogue.addProperty(p(m, HYDRA, "view"), view);
        return m;
    }

    static String write(Model model, Format format) {
        StringWriter out = new StringWriter();
        RDFDataMgr.write(out, model, format.rdf);
        return out.toString();
    }

    private static Model model() {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefix("cpsv", CPSV).setNsPrefix("cv", CV).setNsPrefix("dct", DCT).setNsPrefix("skos", SKOS)
                .setNsPrefix("eli", ELI).setNsPrefix("dcat", DCAT).setNsPrefix("foaf", FOAF).setNsPrefix("org", ORG)
                .setNsPrefix("hydra", HYDRA).setNsPrefix("xsd", XSDDatatype.XSD + "#").setNsPrefix("rdfs", RDFS.getURI());
        return m;
    }

    private Resource describe(Model m, String base, Guide g) {
        String iri = base + "api/services/" + g.code();
        Resource authority = organisation(m, base, g.department().id(), g.department().code(), g.department().name(),
                g.department().nameEn());
        Resource s = m.createResource(iri).addProperty(RDF.type, m.createResource(CPSV + "PublicService"))
                .addProperty(p(m, DCT, "identifier"), g.code())
                .addProperty(p(m, DCT, "title"), g.name(), "zh")
                .addProperty(p(m, DCT, "description"), g.description(), "zh")
                .addProperty(p(m, DCT, "type"), concept(m, base + "id/item-type/" + g.itemType(), g.itemType(), null))
                .addProperty(p(m, CV, "hasCompetentAuthority"), authority)
                .addProperty(p(m, DCT, "spatial"), location(m, base, g.area().code(), g.area().name(), g.area().nameEn()))
                .addProperty(p(m, CV, "processingTime"), "P" + g.promisedDays() + "D", XSDDatatype.XSDduration)
                .addProperty(p(m, CV, "contactPoint"), m.createResource(base + "id/contact-point/12345")
                        .addProperty(RDF.type, m.createResource(CV + "ContactPoint"))
                        .addProperty(p(m, CV, "telephone"), "12345"));
        if (g.nameEn() != null) {
            s.addProperty(p(m, DCT, "title"), g.nameEn(), "en");
        }
        if (g.descriptionEn() != null) {
            s.addProperty(p(m, DCT, "description"), g.descriptionEn(), "en");
        }
        for (String audience : g.audience().equals("both") ? List.of("citizen", "enterprise") : List.of(g.audience())) {
            s.addProperty(p(m, DCT, "audience"), concept(m, base + "id/audience/" + audience, audience, null));
        }
        for (ConceptRef theme : g.themes()) {
            s.addProperty(p(m, CV, "thematicArea"), concept(m, base + "id/theme/" + theme.code(), theme.name(), theme.nameEn()));
        }
        for (ConceptRef event : g.lifeEvents()) {
            s.addProperty(p(m, CV, "isGroupedBy"), event(m, base, event));
        }
        int n = 0;
        for (ServiceDraft.Condition condition : g.conditions()) {
            n++;
            s.addProperty(p(m, CV, "holdsRequirement"), m.createResource(iri + "#requirement-" + n)
                    .addProperty(RDF.type, m.createResource(CV + "Requirement"))
                    .addProperty(p(m, DCT, "identifier"), g.code() + "-requirement-" + n)
                    .addProperty(p(m, DCT, "title"), condition.text(), "zh"));
        }
        for (Material material : g.materials()) {
            s.addProperty(p(m, CPSV, "hasInput"), evidence(m, base, iri, g.code(), material));
        }
        costs(m, s, iri, g, authority);
        for (String channel : g.channels()) {
            s.addProperty(p(m, CV, "hasChannel"), m.createResource(iri + "#channel-" + channel)
                    .addProperty(RDF.type, m.createResource(CV + "Channel"))
                    .addProperty(p(m, DCT, "identifier"), g.code() + "-channel-" + channel)
                    .addProperty(p(m, DCT, "type"), concept(m, base + "id/channel/" + channel, channel, null))
                    .addProperty(p(m, CV, "ownedBy"), authority));
        }
        n = 0;
        for (String law : g.legalBasis().text().split("；")) {
            n++;
            Resource legal = m.createResource(iri + "#legal-resource-" + n)
                    .addProperty(RDF.type, m.createResource(ELI + "LegalResource"))
                    .addProperty(p(m, DCT, "title"), law, "zh");
            if (n == 1 && g.legalBasis().url() != null) {
                legal.addProperty(RDFS.seeAlso, m.createResource(g.legalBasis().url()));
            }
            s.addProperty(p(m, CV, "hasLegalResource"), legal);
        }
        if (g.result() != null) {
            s.addProperty(p(m, CPSV, "produces"), m.createResource(iri + "#output")
                    .addProperty(RDF.type, m.createResource(CV + "Output"))
                    .addProperty(p(m, DCT, "identifier"), g.code() + "-output")
                    .addProperty(p(m, DCT, "title"), g.result(), "zh"));
        }
        return s;
    }

    /** A free service says so with a cost of zero rather than by leaving the cost out. */
    private static void costs(Model m, Resource s, String iri, Guide g, Resource authority) {
        List<ServiceDraft.Fee> fees = g.fees().isEmpty() ? List.of(new ServiceDraft.Fee("不收费", java.math.BigDecimal.ZERO, null)) : g.fees();
        int n = 0;
        for (ServiceDraft.Fee fee : fees) {
            n++;
            Resource cost = m.createResource(iri + "#cost-" + n).addProperty(RDF.type, m.createResource(CV + "Cost"))
                    .addProperty(p(m, DCT, "identifier"), g.code() + "-cost-" + n)
                    .addLiteral(p(m, CV, "hasValue"), m.createTypedLiteral(fee.amount().doubleValue(), XSDDatatype.XSDdouble))
                    .addProperty(p(m, CV, "currency"), m.createResource(CNY).addProperty(RDF.type, m.createResource(SKOS + "Concept"))
                            .addProperty(p(m, SKOS, "prefLabel"), "Yuan Renminbi", "en"))
                    .addProperty(p(m, DCT, "description"), fee.basis() == null ? fee.item() : fee.item() + "（依据：" + fee.basis() + "）", "zh")
                    .addProperty(p(m, CV, "isDefinedBy"), authority);
            s.addProperty(p(m, CV, "hasCost"), cost);
        }
    }

    private static Resource evidence(Model m, String base, String iri, String code, Material material) {
        String form = switch (material.form()) {
            case "original" -> "原件";
            case "copy" -> "复印件";
            default -> "原件及复印件";
        };
        String description = form + material.copies() + "份" + (material.required() ? "" : "（非必需）")
                + (material.template() == null ? "" : "，空白表格：" + material.template());
        return m.createResource(iri + "#evidence-" + material.key())
                .addProperty(RDF.type, m.createResource(CV + "Evidence"))
                .addProperty(p(m, DCT, "identifier"), code + "-" + material.key())
                .addProperty(p(m, DCT, "title"), material.name(), "zh")
                .addProperty(p(m, DCT, "description"), description, "zh")
                .addProperty(p(m, DCT, "type"), concept(m, base + "id/evidence-form/" + material.form(), form, null));
    }

    private static Resource event(Model m, String base, ConceptRef event) {
        return m.createResource(base + "id/event/" + event.code())
                .addProperty(RDF.type, m.createResource(CV + "Event"))
                .addProperty(RDF.type, m.createResource(CV + (event.scheme().equals("life-event") ? "LifeEvent" : "BusinessEvent")))
                .addProperty(p(m, DCT, "identifier"), event.code())
                .addProperty(p(m, DCT, "title"), event.name(), "zh")
                .addProperty(p(m, DCT, "title"), event.nameEn(), "en");
    }

    /**
     * A department as competent authority. Typed also as org:Organization and foaf:Agent, which
     * the shapes ask for where it owns a channel, defines a cost or publishes the catalogue.
     */
    private static Resource organisation(Model m, String base, long id, String code, String nameZh, String nameEn) {
        Areas.Area city = Areas.of(Areas.CITY);
        return m.createResource(base + "api/departments/" + id)
                .addProperty(RDF.type, m.createResource(CV + "PublicOrganisation"))
                .addProperty(RDF.type, m.createResource(ORG + "Organization"))
                .addProperty(RDF.type, m.createResource(FOAF + "Agent"))
                .addProperty(p(m, DCT, "identifier"), code)
                .addProperty(p(m, SKOS, "prefLabel"), nameZh, "zh")
                .addProperty(p(m, SKOS, "prefLabel"), nameEn, "en")
                .addProperty(p(m, DCT, "title"), nameZh, "zh")
                .addProperty(p(m, DCT, "title"), nameEn, "en")
                .addProperty(p(m, DCT, "spatial"), location(m, base, city.code(), city.nameZh(), city.nameEn()));
    }

    private static Resource location(Model m, String base, String code, String nameZh, String nameEn) {
        return m.createResource(base + "id/area/" + code)
                .addProperty(RDF.type, m.createResource(DCT + "Location"))
                .addProperty(p(m, DCT, "identifier"), code)
                .addProperty(p(m, SKOS, "prefLabel"), nameZh, "zh")
                .addProperty(p(m, SKOS, "prefLabel"), nameEn, "en");
    }

    private static Resource concept(Model m, String iri, String label, String labelEn) {
        Resource c = m.createResource(iri).addProperty(RDF.type, m.createResource(SKOS + "Concept"))
                .addProperty(p(m, SKOS, "prefLabel"), label, labelEn == null ? "" : "zh");
        if (labelEn != null) {
            c.addProperty(p(m, SKOS, "prefLabel"), labelEn, "en");
        }
        return c;
    }

    private static Property p(Model m, String namespace, String local) {
        return m.createProperty(namespace, local);
    }
}

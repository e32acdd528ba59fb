package org.onestop.opendata.dcat;

import java.io.StringWriter;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
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
import org.onestop.opendata.DataResource;
import org.onestop.opendata.Dataset;
import org.onestop.opendata.ResourceFormat;
import org.onestop.opendata.Theme;
import org.springframework.stereotype.Component;

/**
 * Describes the open data catalogue in DCAT-AP 3.0.0. The SEMIC shapes check ranges with
 * {@code sh:class}, so every resource referred to is typed here: publishers are foaf:Agent,
 * themes skos:Concept, licences dct:LicenseDocument, formats dct:MediaTypeOrExtent, frequencies
 * dct:Frequency, access URLs rdfs:Resource, and so on. Formats, frequencies, themes and the
 * language use the EU authority tables, which harvesters such as data.europa.eu understand.
 */
@Component
class DcatExport {

    enum Format {
        TURTLE(RDFFormat.TURTLE_PRETTY), JSON_LD(RDFFormat.JSONLD11);

        private final RDFFormat rdf;

        Format(RDFFormat rdf) {
            this.rdf = rdf;
        }
    }

    /** Where a page sits among the others; absent neighbours are null. */
    record PageLinks(String self, String first, String last, String previous, String next, long total) {
    }

    static final String DCAT = "http://www.w3.org/ns/dcat#";
    static final String DCT = "http://purl.org/dc/terms/";
    static final String FOAF = "http://xmlns.com/foaf/0.1/";
    static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    static final String VCARD = "http://www.w3.org/2006/vcard/ns#";
    static final String SPDX = "http://spdx.org/rdf/terms#";
    static final String HYDRA = "http://www.w3.org/ns/hydra/core#";
    private static final String EU = "http://publications.europa.eu/resource/authority/";
    /** The English labels of the EU data themes used, as the authority table gives them. */
    private static final java.util.Map<String, String> EU_THEMES = java.util.Map.of("ECON", "Economy and finance",
            "HEAL", "Health", "GOVE", "Government and public sector", "TRAN", "Transport",
            "EDUC", "Education, culture and sport", "ENVI", "Environment", "SOCI", "Population and society",
            "REGI", "Regions and cities");

    DcatExport() {
        // Jena registers its languages and datatypes on first use; do it at start-up, not in a request.
        JenaSystem.init();
    }

    Model catalogue(String base, List<Dataset> datasets, PageLinks links, Instant modified) {
        Model m = model();
        Resource scheme = m.createResource(base + "id/opendata/themes").addProperty(RDF.type, m.createResource(SKOS + "ConceptScheme"))
                .addProperty(p(m, DCT, "title"), "青岛市公共数据开放主题", "zh")
                .addProperty(p(m, DCT, "title"), "Qingdao open data themes", "en");
        Resource catalogue = m.createResource(base + "catalog").addProperty(RDF.type, m.createResource(DCAT + "Catalog"))
                .addProperty(RDF.type, m.createResource(HYDRA + "Collection"))
                .addProperty(p(m, DCT, "title"), "青岛市公共数据开放平台", "zh")
                .addProperty(p(m, DCT, "title"), "Qingdao open data platform", "en")
                .addProperty(p(m, DCT, "description"), "青岛市各部门开放的公共数据集，提供文件下载、数据查询接口和 CKAN 兼容接口。", "zh")
                .addProperty(p(m, DCT, "description"), "Open datasets of the departments of Qingdao, with downloads, a query API and a CKAN-compatible API.", "en")
                .addProperty(p(m, DCT, "publisher"), agent(m, base + "id/department/BIGDATA", "青岛市大数据发展管理局",
                        "Qingdao Big Data Development Administration Bureau"))
                .addProperty(p(m, DCT, "language"), typed(m, EU + "language/ZHO", DCT + "LinguisticSystem"))
                .addProperty(p(m, DCAT, "themeTaxonomy"), scheme)
                .addProperty(p(m, DCAT, "themeTaxonomy"), typed(m, EU + "data-theme", SKOS + "ConceptScheme")
                        .addProperty(p(m, DCT, "title"), "Data theme", "en"))
                .addProperty(p(m, FOAF, "homepage"), typed(m, base + "opendata/", FOAF + "Document"))
                .addLiteral(p(m, DCT, "modified"), dateTime(m, modified))
                .addLiteral(p(m, HYDRA, "totalItems"), m.createTypedLiteral(links.total(), XSDDatatype.XSDnonNegativeInteger));
        for (Dataset d : datasets) {
            catalogue.addProperty(p(m, DCAT, "dataset"), dataset(m, base, scheme, d));
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

    private Resource dataset(Model m, String base, Resource scheme, Dataset d) {
        String iri = base + "opendata/dataset/" + d.name();
        Dataset.Publisher p = d.publisher();
        Resource r = m.createResource(iri).addProperty(RDF.type, m.createResource(DCAT + "Dataset"))
                .addProperty(p(m, DCT, "identifier"), d.name())
                .addProperty(p(m, DCT, "title"), d.title(), "zh")
                .addProperty(p(m, DCT, "description"), d.description(), "zh")
                .addProperty(p(m, DCT, "publisher"), agent(m, base + "id/department/" + p.code(), p.nameZh(), p.nameEn()))
                .addProperty(p(m, DCAT, "theme"), theme(m, base, scheme, d.theme()))
                .addProperty(p(m, DCAT, "theme"), typed(m, EU + "data-theme/" + d.theme().euTheme(), SKOS + "Concept")
                        .addProperty(p(m, SKOS, "prefLabel"), EU_THEMES.get(d.theme().euTheme()), "en")
                        .addProperty(p(m, SKOS, "inScheme"), m.createResource(EU + "data-theme")))
                .addProperty(p(m, DCT, "accrualPeriodicity"), typed(m, EU + "frequency/" + d.frequency().euCode(), DCT + "Frequency"))
                .addProperty(p(m, DCT, "spatial"), typed(m, base + "id/place/" + placeKey(d.spatial()), DCT + "Location")
                        .addProperty(p(m, SKOS, "prefLabel"), d.spatial(), "zh"))
                .addProperty(p(m, DCT, "language"), typed(m, EU + "language/ZHO", DCT + "LinguisticSystem"))
                .addProperty(p(m, DCAT, "landingPage"), typed(m, base + "opendata/dataset.html?name=" + d.name(), FOAF + "Document"))
                .addProperty(p(m, DCAT, "contactPoint"), m.createResource(iri + "#contact").addProperty(RDF.type, m.createResource(VCARD + "Kind"))
                        .addProperty(p(m, VCARD, "fn"), d.contact().name() + "（" + p.nameZh() + "）", "zh")
                        .addProperty(p(m, VCARD, "hasEmail"), m.createResource("mailto:" + d.contact().email())))
                .addLiteral(p(m, DCT, "issued"), dateTime(m, d.createdAt()))
                .addLiteral(p(m, DCT, "modified"), dateTime(m, d.updatedAt()));
        for (String k : d.keywords()) {
            r.addProperty(p(m, DCAT, "keyword"), k, "zh");
        }
        if (d.temporalStart() != null && d.temporalEnd() != null) {
            r.addProperty(p(m, DCT, "temporal"), m.createResource(iri + "#temporal").addProperty(RDF.type, m.createResource(DCT + "PeriodOfTime"))
                    .addLiteral(p(m, DCAT, "startDate"), m.createTypedLiteral(d.temporalStart().toString(), XSDDatatype.XSDdate))
                    .addLiteral(p(m, DCAT, "endDate"), m.createTypedLiteral(d.temporalEnd().toString(), XSDDatatype.XSDdate)));
        }
        Resource licence = typed(m, d.licence().url(), DCT + "LicenseDocument")
                .addProperty(p(m, DCT, "title"), d.licence().titleEn(), "en");
        for (DataResource res : d.resources()) {
            r.addProperty(p(m, DCAT, "distribution"), distribution(m, base, iri, d, res, licence));
        }
        return r;
    }

    private Resource distribution(Model m, String base, String datasetIri, Dataset d, DataResource res, Resource licence) {
        Resource dist = m.createResource(base + "opendata/resource/" + res.id()).addProperty(RDF.type, m.createResource(DCAT + "Distribution"))
                .addProperty(p(m, DCT, "title"), res.name(), "zh")
                .addProperty(p(m, DCT, "license"), licence)
                .addLiteral(p(m, DCT, "modified"), dateTime(m, res.updatedAt()));
        if (!res.description().isBlank()) {
            dist.addProperty(p(m, DCT, "description"), res.description(), "zh");
        }
        if (res.isFile()) {
            Resource url = typed(m, base + "api/opendata/resources/" + res.id() + "/download", RDFS.getURI() + "Resource");
            dist.addProperty(p(m, DCAT, "accessURL"), url).addProperty(p(m, DCAT, "downloadURL"), url)
                    .addProperty(p(m, DCT, "format"), typed(m, EU + "file-type/" + euFileType(res.format()), DCT + "MediaTypeOrExtent"))
                    .addProperty(p(m, DCAT, "mediaType"), typed(m, "https://www.iana.org/assignments/media-types/"
                            + res.format().mediaType().split(";")[0], DCT + "MediaType"))
                    .addLiteral(p(m, DCAT, "byteSize"), m.createTypedLiteral(String.valueOf(res.byteSize()), XSDDatatype.XSDnonNegativeInteger))
                    .addProperty(p(m, SPDX, "checksum"), m.createResource(base + "opendata/resource/" + res.id() + "#checksum")
                            .addProperty(RDF.type, m.createResource(SPDX + "Checksum"))
                            .addProperty(p(m, SPDX, "algorithm"), typed(m, SPDX + "checksumAlgorithm_sha256", SPDX + "ChecksumAlgorithm"))
                            .addLiteral(p(m, SPDX, "checksumValue"), m.createTypedLiteral(res.digest(), XSDDatatype.XSDhexBinary)));
        } else {
            String endpoint = res.apiUrl().startsWith("/") ? base + res.apiUrl().substring(1) : res.apiUrl();
            Resource url = typed(m, endpoint, RDFS.getURI() + "Resource");
            Resource service = m.createResource(base + "opendata/resource/" + res.id() + "#service")
                    .addProperty(RDF.type, m.createResource(DCAT + "DataService"))
                    .addProperty(p(m, DCT, "title"), res.name(), "zh")
                    .addProperty(p(m, DCAT, "endpointURL"), typed(m, base + "api/3/action/datastore_search", RDFS.getURI() + "Resource"))
                    .addProperty(p(m, DCAT, "servesDataset"), m.createResource(datasetIri));
            dist.addProperty(p(m, DCAT, "accessURL"), url).addProperty(p(m, DCAT, "accessService"), service);
        }
        return dist;
    }

    static String write(Model model, Format format) {
        StringWriter out = new StringWriter();
        RDFDataMgr.write(out, model, format.rdf);
        return out.toString();
    }

    private static Resource theme(Model m, String base, Resource scheme, Theme t) {
        return typed(m, base + "id/opendata/theme/" + t.code(), SKOS + "Concept")
                .addProperty(p(m, SKOS, "prefLabel"), t.nameZh(), "zh")
                .addProperty(p(m, SKOS, "prefLabel"), t.nameEn(), "en")
                .addProperty(p(m, SKOS, "inScheme"), scheme);
    }

    private static Resource agent(Model m, String iri, String nameZh, String nameEn) {
        return typed(m, iri, FOAF + "Agent").addProperty(p(m, FOAF, "name"), nameZh, "zh").addProperty(p(m, FOAF, "name"), nameEn, "en");
    }

    private static Resource typed(Model m, String iri, String type) {
        return m.createResource(iri).addProperty(RDF.type, m.createResource(type));
    }

    private static String euFileType(ResourceFormat f) {
        return f == ResourceFormat.GEOJSON ? "GEOJSON" : f.name();
    }

    /** A stable, IRI-safe key for a place name (the names are the city's and its districts'). */
    private static String placeKey(String spatial) {
        return Integer.toHexString(spatial.hashCode()).toLowerCase(Locale.ROOT);
    }

    private static org.apache.jena.rdf.model.Literal dateTime(Model m, Instant at) {
        Calendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        c.setTimeInMillis(at.toEpochMilli());
        return m.createTypedLiteral(c);
    }

    private static Property p(Model m, String ns, String local) {
        return m.createProperty(ns, local);
    }

    private static Model model() {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefix("dcat", DCAT).setNsPrefix("dct", DCT).setNsPrefix("foaf", FOAF).setNsPrefix("skos", SKOS)
                .setNsPrefix("vcard", VCARD).setNsPrefix("spdx", SPDX).setNsPrefix("hydra", HYDRA)
                .setNsPrefix("xsd", XSDDatatype.XSD + "#").setNsPrefix("rdfs", RDFS.getURI());
        return m;
    }
}

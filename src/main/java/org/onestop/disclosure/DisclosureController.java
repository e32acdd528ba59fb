package org.onestop.disclosure;

import org.onestop.security.PortalUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The public side of disclosure: search, catalogues, documents with their versions, categories
 * and guides. Signed-in officials also see their own department's withdrawn documents here.
 */
@RestController
class DisclosureController {

    private final DocumentSearch search;
    private final Documents documents;
    private final Guides guides;
    private final ReferenceData reference;

    DisclosureController(DocumentSearch search, Documents documents, Guides guides, ReferenceData reference) {
        this.search = search;
        this.documents = documents;
        this.guides = guides;
        this.reference = reference;
    }

    @GetMapping("/api/disclosure/documents")
    Mono<DisclosureViews.SearchResult> search(@RequestParam(required = false) String q,
            @RequestParam(required = false) String department, @RequestParam(required = false) String category,
            @RequestParam(required = false) String year, @RequestParam(required = false) String validity,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        return search.search(new DocumentSearch.Params(q, department, category, year, validity, from, to, sort), page, size);
    }

    @GetMapping("/api/disclosure/documents/{id}")
    Mono<DisclosureViews.Document> one(@PathVariable long id) {
        return caller().flatMap(user -> documents.get(id, user.orElse(null)));
    }

    @GetMapping("/api/disclosure/documents/{id}/versions/{version}")
    Mono<DisclosureViews.Version> version(@PathVariable long id, @PathVariable int version) {
        return caller().flatMap(user -> documents.version(id, version, user.orElse(null)));
    }

    @GetMapping("/api/disclosure/catalogue")
    Mono<DisclosureViews.CataloguePage> catalogue(@RequestParam(required = false) String department,
            @RequestParam(required = false) String category, @RequestParam(required = false) String after,
            @RequestParam(required = false) String size) {
        return search.catalogue(department, category, after, size);
    }

    @GetMapping("/api/disclosure/categories")
    Mono<java.util.List<DisclosureViews.CategoryNode>> categories() {
        return reference.get().map(ReferenceData.Snapshot::tree);
    }

    @GetMapping("/api/disclosure/departments/{id}/guide")
    Mono<DisclosureViews.Guide> guide(@PathVariable long id) {
        return guides.get(id);
    }

    /** The signed-in user, if any: these routes are public, so there may be none. */
    private static Mono<java.util.Optional<PortalUser>> caller() {
        return PortalUser.current().map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty());
    }
}

package org.onestop.opendata;

import org.onestop.opendata.upload.ResourcePublishing;
import org.onestop.security.PortalUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Resources of a department's datasets: upload a new file, replace one's file, list an API, delete
 * one. File bodies are multipart ({@code file} plus text fields), streamed to storage as they arrive.
 */
@RestController
class ResourceManagementController {

    private final ResourcePublishing publishing;
    private final ApiResources apis;

    ResourceManagementController(ResourcePublishing publishing, ApiResources apis) {
        this.publishing = publishing;
        this.apis = apis;
    }

    @PostMapping("/api/opendata/manage/datasets/{name}/api-resources")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<OpenDataViews.ResourceView> addApi(@PathVariable String name, @RequestBody ApiResources.NewApi body) {
        return PortalUser.required().flatMap(u -> apis.add(u, name, body)).map(OpenDataViews::resource);
    }

    @PostMapping(path = "/api/opendata/manage/datasets/{name}/resources", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<OpenDataViews.ResourceView> add(@PathVariable String name, @RequestBody Flux<PartEvent> parts) {
        return PortalUser.required().flatMap(u -> publishing.add(u, name, parts)).map(OpenDataViews::resource);
    }

    @PutMapping(path = "/api/opendata/manage/datasets/{name}/resources/{id}/file", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<OpenDataViews.ResourceView> replace(@PathVariable String name, @PathVariable long id, @RequestBody Flux<PartEvent> parts) {
        return PortalUser.required().flatMap(u -> publishing.replace(u, name, id, parts)).map(OpenDataViews::resource);
    }

    @DeleteMapping("/api/opendata/manage/datasets/{name}/resources/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(@PathVariable String name, @PathVariable long id) {
        return PortalUser.required().flatMap(u -> publishing.delete(u, name, id));
    }
}

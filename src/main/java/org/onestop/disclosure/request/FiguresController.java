package org.onestop.disclosure.request;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The yearly figures of disclosure on request, public like the yearly report they go into
 * (政府信息公开条例 art. 49–50). {@code department} is an id or a code; {@code year} defaults to this year.
 */
@RestController("disclosureRequestFiguresController")
class FiguresController {

    private final AnnualFigures figures;

    FiguresController(AnnualFigures figures) {
        this.figures = figures;
    }

    @GetMapping("/api/disclosure/request-figures")
    Mono<AnnualFigures.Report> figures(@RequestParam(required = false) String year,
            @RequestParam(required = false) String department) {
        return figures.report(year, department);
    }

    @GetMapping("/api/disclosure/request-figures.csv")
    Mono<ResponseEntity<String>> csv(@RequestParam(required = false) String year,
            @RequestParam(required = false) String department) {
        return figures.report(year, department).map(r -> ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"disclosure-request-figures-" + r.year()
                        + (r.department() == null ? "" : "-" + r.department().code()) + ".csv\"")
                .body(FiguresCsv.write(r)));
    }
}

package io.oms.console.stock;

import io.oms.console.auth.Access;
import io.oms.console.backend.ApiProblem;
import io.oms.console.backend.InventoryApi;
import io.oms.console.web.Unreachable;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/**
 * CSV import of items and stock through inventory-service's {@code POST /api/v1/items/import}. The import answers when
 * every row is done (it is not a background job), so the page shows its outcome as the answer to the upload: the counts of
 * created, updated and refused rows and each refused row's line and reason. There is no progress to poll.
 */
@Path("/stock/import")
@Produces(MediaType.TEXT_HTML)
public class ImportPages {

    private final InventoryApi inventory;
    private final Access access;
    private final Template page;

    public ImportPages(@RestClient InventoryApi inventory, Access access, @Location("stock/import.html") Template page) {
        this.inventory = inventory;
        this.access = access;
        this.page = page;
    }

    @GET
    public TemplateInstance form() {
        return page.data("report", null).data("refusedRows", List.of()).data("problem", null).data("fileName", null);
    }

    /**
     * The uploaded file, else the pasted text. The outcome is this post's answer rather than a redirect: the report (one row
     * per line of the file) does not fit in a page address, and the console keeps nothing between requests. Sending the
     * same file again is harmless: rows update the items and set on hand to the same counts.
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @SuppressWarnings("unchecked")
    public TemplateInstance upload(@RestForm("file") FileUpload file, @RestForm String text) {
        if (!access.isOperate()) {
            throw new ForbiddenException("your role may not do this");
        }
        String csv = read(file);
        String fileName = csv != null ? file.fileName() : null;
        if (csv == null) {
            csv = text == null || text.isBlank() ? null : text;
        }
        if (csv == null) {
            return page.data("report", null).data("refusedRows", List.of()).data("fileName", null)
                    .data("problem", Map.of("words", "choose a CSV file or paste its text", "field", "file"));
        }
        try {
            Map<String, Object> report = inventory.importCsv(csv);
            List<Map<String, Object>> refused = ((List<Map<String, Object>>) report.getOrDefault("rows", List.of())).stream()
                    .filter(row -> "REFUSED".equals(row.get("outcome"))).toList();
            return page.data("report", report).data("refusedRows", refused).data("problem", null).data("fileName", fileName);
        } catch (ApiProblem problem) {
            return page.data("report", null).data("refusedRows", List.of()).data("fileName", fileName)
                    .data("problem", Map.of("words", problem.inWords(), "field", problem.field() == null ? "" : problem.field()));
        } catch (ProcessingException unreachable) {
            return page.data("report", null).data("refusedRows", List.of()).data("fileName", fileName)
                    .data("problem", Map.of("words", Unreachable.inWords(unreachable), "field", ""));
        }
    }

    /** The file's text, or null when no file was chosen (the browser then sends an empty part). */
    private static String read(FileUpload file) {
        if (file == null || file.uploadedFile() == null || file.size() == 0) {
            return null;
        }
        try {
            return Files.readString(file.uploadedFile(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.oms.fulfilment.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** A plain A4 document written line by line, with page breaks; text outside WinAnsi becomes '?'. */
final class PdfWriter implements AutoCloseable {

    private static final float MARGIN = 50;
    private static final float LEADING = 15;

    private final PDDocument document = new PDDocument();
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private PDPageContentStream content;
    private float y;

    PdfWriter(String title) {
        document.getDocumentInformation().setTitle(title);
        newPage();
        heading(title);
        blank();
    }

    void heading(String text) {
        write(bold, 16, text);
        y -= 6;
    }

    void bold(String text) {
        write(bold, 11, text);
    }

    void line(String text) {
        write(regular, 11, text);
    }

    void blank() {
        y -= LEADING / 2;
    }

    byte[] finish() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            content.close();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write PDF", e);
        }
    }

    @Override
    public void close() {
        try {
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(PDType1Font font, float size, String text) {
        try {
            if (y < MARGIN + LEADING) {
                content.close();
                newPage();
            }
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(MARGIN, y);
            content.showText(encodable(font, text == null ? "" : text));
            content.endText();
            y -= LEADING;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write PDF", e);
        }
    }

    private void newPage() {
        try {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = page.getMediaBox().getHeight() - MARGIN;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write PDF", e);
        }
    }

    private static String encodable(PDType1Font font, String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(codePoint -> {
            String character = new String(Character.toChars(codePoint));
            out.append(codePoint >= 32 && canEncode(font, character) ? character : "?");
        });
        return out.toString();
    }

    private static boolean canEncode(PDType1Font font, String character) {
        try {
            font.encode(character);
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}

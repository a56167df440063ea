package io.dataguardian.engine.source;

import java.io.InputStream;
import java.nio.file.Path;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.tika.metadata.Metadata;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * XLSX through POI's streaming (SAX) sheet reader, so every cell keeps its real reference
 * ({@code sheet Customers!B4}) even across empty rows, which Tika's XHTML drops. Memory: the
 * shared-strings table plus one row.
 */
final class XlsxCells {

    private XlsxCells() {
    }

    /** Opens the package; fails (before emitting anything) when the file is not a readable XLSX. */
    static OPCPackage open(Path file) throws Exception {
        return OPCPackage.open(file.toFile(), PackageAccess.READ);
    }

    static void extract(OPCPackage pkg, SectionEvents.Handler handler, Metadata metadata) throws Exception {
        metadata.set(Metadata.CONTENT_TYPE, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        pkg.getPackageProperties().getCreatorProperty().ifPresent(v -> metadata.set("dc:creator", v));
        pkg.getPackageProperties().getLastModifiedByProperty().ifPresent(v -> metadata.set("meta:last-author", v));
        pkg.getPackageProperties().getTitleProperty().ifPresent(v -> metadata.set("dc:title", v));
        XSSFReader reader = new XSSFReader(pkg);
        ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
        DataFormatter formatter = new DataFormatter();
        XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
        while (sheets.hasNext()) {
            try (InputStream sheet = sheets.next()) {
                String name = sheets.getSheetName();
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), sheets.getSheetComments(),
                        strings, new XSSFSheetXMLHandler.SheetContentsHandler() {
                            @Override
                            public void startRow(int rowNum) {
                            }

                            @Override
                            public void endRow(int rowNum) {
                            }

                            @Override
                            public void cell(String ref, String value, XSSFComment comment) {
                                try {
                                    handler.cell("sheet " + name + "!" + ref, value,
                                            comment == null ? null : comment.getString().getString());
                                } catch (SAXException e) {
                                    throw new CellAbort(e);
                                }
                            }
                        }, formatter, false));
                try {
                    xml.parse(new InputSource(sheet));
                } catch (CellAbort e) {
                    throw e.sax;
                }
            }
        }
        handler.endCells();
    }

    static boolean isXlsxName(String lowerName) {
        return lowerName.endsWith(".xlsx") || lowerName.endsWith(".xlsm");
    }

    /** Carries an interrupted hand-over out of POI's callback. */
    private static final class CellAbort extends RuntimeException {
        final SAXException sax;

        CellAbort(SAXException sax) {
            super(sax.getMessage(), sax, false, false);
            this.sax = sax;
        }
    }
}

package io.dataguardian.app.ui;

import io.dataguardian.engine.detect.Catalogue;
import io.dataguardian.engine.detect.DetectorInfo;
import io.dataguardian.engine.report.ReportTexts;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * A detector's name and description in the page's language, from the engine's {@link ReportTexts} (the same texts
 * the reports and the CLI use; Dutch in the engine's {@code texts_nl.properties}), else the catalogue's English text.
 */
@Component
public class DetectorTexts {

    private final Map<String, DetectorInfo> catalogue = Catalogue.standard().detectors().stream()
            .collect(Collectors.toMap(DetectorInfo::id, Function.identity(), (a, b) -> a));

    public String name(String detectorId, Locale locale) {
        DetectorInfo info = catalogue.get(detectorId);
        String translated = ReportTexts.of(locale).detectorName(detectorId);
        return translated != null ? translated : info == null ? detectorId : info.name();
    }

    public String description(String detectorId, Locale locale) {
        DetectorInfo info = catalogue.get(detectorId);
        String translated = ReportTexts.of(locale).detectorDescription(detectorId);
        return translated != null ? translated : info == null ? "" : info.description();
    }

    public Iterable<DetectorInfo> all() {
        return catalogue.values();
    }
}

package io.dataguardian.app.ui;

import io.dataguardian.engine.detect.Catalogue;
import io.dataguardian.engine.detect.DetectorInfo;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A detector's name and description in the page's language: {@code detector.<id>.name} / {@code .description}
 * from the messages (Dutch texts live in messages_nl.properties), else the engine catalogue's English text.
 */
@Component
public class DetectorTexts {

    private final MessageSource messages;
    private final Map<String, DetectorInfo> catalogue = Catalogue.standard().detectors().stream()
            .collect(Collectors.toMap(DetectorInfo::id, Function.identity(), (a, b) -> a));

    public DetectorTexts(MessageSource messages) {
        this.messages = messages;
    }

    public String name(String detectorId, Locale locale) {
        DetectorInfo info = catalogue.get(detectorId);
        return messages.getMessage("detector." + detectorId + ".name", null, info == null ? detectorId : info.name(), locale);
    }

    public String description(String detectorId, Locale locale) {
        DetectorInfo info = catalogue.get(detectorId);
        return messages.getMessage("detector." + detectorId + ".description", null, info == null ? "" : info.description(),
                locale);
    }

    public Iterable<DetectorInfo> all() {
        return catalogue.values();
    }
}

package io.dataguardian.app.system;

/**
 * A DATAGUARDIAN_* setting has a value the application cannot use. Reported at start-up by
 * {@link StartupFailureAnalyzer} as one line naming the setting.
 */
public class InvalidSettingException extends RuntimeException {

    private final String setting;

    public InvalidSettingException(String setting, String message) {
        super(setting + ": " + message);
        this.setting = setting;
    }

    public String getSetting() {
        return setting;
    }
}

package io.jenkins.plugins.konductro.usecases;

/** A job's or folder's Konductro setting that cannot be saved; the message starts with the field to fix. */
public final class SettingRefused extends Exception {
    private static final long serialVersionUID = 1L;

    private final String field;

    public SettingRefused(String message, String field) {
        super(message);
        this.field = field;
    }

    /** The form field to fix, as Jenkins names it ({@code repositories}, {@code provider}). */
    public String field() {
        return field;
    }
}

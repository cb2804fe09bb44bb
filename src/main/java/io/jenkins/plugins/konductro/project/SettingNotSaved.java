package io.jenkins.plugins.konductro.project;

import hudson.model.Descriptor;
import io.jenkins.plugins.konductro.usecases.SettingRefused;
import jakarta.servlet.ServletException;
import java.io.IOException;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * A refused Konductro setting, thrown from a property's constructor. A runtime exception that is an {@link HttpResponse}
 * passes unchanged through Stapler's constructor call and {@code Descriptor.newInstance} up to the form submission,
 * and answers as a {@code FormException} does: the message in the notification bar on Apply, on an error page on Save.
 * Being unchecked, the constructor can throw it to Job DSL, Configuration as Code and a Jenkinsfile's
 * {@code properties} too, which show its message.
 */
final class SettingNotSaved extends RuntimeException implements HttpResponse {
    private static final long serialVersionUID = 1L;

    private final String field;

    SettingNotSaved(SettingRefused refused) {
        super(refused.getMessage());
        this.field = refused.field();
    }

    String field() {
        return field;
    }

    @Override
    public void generateResponse(StaplerRequest2 req, StaplerResponse2 rsp, Object node) throws IOException, ServletException {
        new Descriptor.FormException(getMessage(), field).generateResponse(req, rsp, node);
    }
}

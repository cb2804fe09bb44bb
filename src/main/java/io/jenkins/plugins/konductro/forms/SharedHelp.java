package io.jenkins.plugins.konductro.forms;

import java.util.Objects;

/**
 * The help texts of another form with the same fields, for a descriptor to answer from {@code getHelpFile(String)}, so
 * that each field has one text: the freestyle build steps show their Pipeline step's, the folder setting the job
 * setting's. Jenkins serves a descriptor's help at {@code /descriptor/<id>/help[/<field>]} from
 * {@code help[-<field>].html} beside its class or a superclass, and the id of a descriptor that keeps
 * {@code Descriptor.getId()} is its class's name (core's {@code Descriptor.getHelpFile(Klass, String)} and
 * {@code doHelp}). Only such static, unlocalized files are looked for: the owners have no other kind.
 *
 * @param owner the class whose descriptor serves the texts
 */
public record SharedHelp(Class<?> owner) {

    public SharedHelp {
        Objects.requireNonNull(owner, "owner");
    }

    /**
     * Where Jenkins serves the owner's help for {@code field}, or its overview for {@code null}; {@code null} when
     * there is none (then a form shows no help link).
     */
    public String url(String field) {
        String file = field == null ? "help.html" : "help-" + field + ".html";
        for (Class<?> type = owner; type != null; type = type.getSuperclass()) {
            ClassLoader loader = type.getClassLoader();
            if (loader != null && loader.getResource(type.getName().replace('.', '/').replace('$', '/') + "/" + file) != null) {
                return "/descriptor/" + owner.getName() + "/help" + (field == null ? "" : "/" + field);
            }
        }
        return null;
    }
}

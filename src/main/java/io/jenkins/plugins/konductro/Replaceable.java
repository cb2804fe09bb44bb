package io.jenkins.plugins.konductro;

/**
 * What a Jenkins shell asks of Jenkins when it cannot be handed in (a data-bound constructor has only its arguments):
 * the Jenkins implementation, which a test replaces for a while.
 */
public final class Replaceable<T> {
    private volatile T current;

    public Replaceable(T inJenkins) {
        this.current = inJenkins;
    }

    public T get() {
        return current;
    }

    /** Uses {@code replacement} until the returned handle is closed. */
    public AutoCloseable replacedBy(T replacement) {
        T before = current;
        current = replacement;
        return () -> current = before;
    }
}

package hudson.util;

import java.util.AbstractList;

// Compile-only stub (see src/jenkins-api/README.md).
public class PersistedList<T> extends AbstractList<T> {
    protected PersistedList() {
    }

    // AbstractList's abstract methods, which the real class implements.
    @Override
    public T get(int index) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public int size() {
        throw new UnsupportedOperationException("stub");
    }
}

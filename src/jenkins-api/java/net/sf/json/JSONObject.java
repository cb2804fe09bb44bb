package net.sf.json;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

// Compile-only stub (see src/jenkins-api/README.md). Map's methods are implemented by the real class.
@SuppressWarnings("rawtypes")
public final class JSONObject extends AbstractJSON implements JSON, Map<String, Object>, Comparable {
    public JSONObject() {
    }

    @Override
    public int compareTo(Object obj) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public int size() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public boolean isEmpty() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public boolean containsKey(Object key) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public boolean containsValue(Object value) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public Object get(Object key) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public Object put(String key, Object value) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public Object remove(Object key) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public void putAll(Map map) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public void clear() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public Set<String> keySet() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public Collection values() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public Set entrySet() {
        throw new UnsupportedOperationException("stub");
    }
}

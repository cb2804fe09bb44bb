package hudson.search;

// Compile-only stub (see src/jenkins-api/README.md).
public interface SearchItem {
}

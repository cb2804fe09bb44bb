package jenkins;

// Compile-only stub (see src/jenkins-api/README.md).
public enum YesNoMaybe {
    YES,
    NO,
    MAYBE
}

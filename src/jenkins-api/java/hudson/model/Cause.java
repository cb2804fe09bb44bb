package hudson.model;

// Compile-only stub (see src/jenkins-api/README.md).
public abstract class Cause {
    public abstract String getShortDescription();

    public static class UserIdCause extends Cause {
        public UserIdCause() {
        }

        public String getUserId() {
            throw new UnsupportedOperationException("stub");
        }

        @Override
        public String getShortDescription() {
            throw new UnsupportedOperationException("stub");
        }
    }
}

package hudson.model;

/** Signature stub of jenkins-core (org.jenkins-ci.main:jenkins-core); compile only. */
@Deprecated(since = "2.505")
public abstract class AbstractDescribableImpl<T extends AbstractDescribableImpl<T>> implements Describable<T> {}

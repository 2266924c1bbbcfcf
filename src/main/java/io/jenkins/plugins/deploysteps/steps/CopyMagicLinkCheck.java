package io.jenkins.plugins.deploysteps.steps;

import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Item;
import hudson.util.ComboBoxModel;
import hudson.util.FormValidation;
import io.jenkins.plugins.deploysteps.engine.compose.ComposeDeploy;
import io.jenkins.plugins.deploysteps.engine.magiclink.MagicLinkAuthCheck;
import io.jenkins.plugins.deploysteps.jenkins.FormChoices;
import io.jenkins.plugins.deploysteps.jenkins.StepForms;
import io.jenkins.plugins.deploysteps.jenkins.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * composeDeploy's blue-green {@code verifyMagicLink: [baseUrl: 'http://127.0.0.1:3000', mailbox: [...]]}: a magicLinkAuthCheck
 * of the new copy before users reach it. Its fields are magicLinkAuthCheck's but those of a step of its own ({@code reportName},
 * {@code onFailure}, {@code archive}, {@code verbose}), so it is a class of its own rather than {@link MagicLinkAuthCheckStep}
 * (a Step, whose report fields structs would bind here too); its form and help are that step's.
 */
public final class CopyMagicLinkCheck implements Describable<CopyMagicLinkCheck> {
    private final String baseUrl;
    private MagicLinkMailbox mailbox;
    private List<AuthenticatedCheck> authenticatedChecks = new ArrayList<>();
    private RateLimitCheck rateLimit;
    private ExpiredTokenCheck expiredToken;
    private String email;
    private String emailDomain;
    private Map<String, String> headers = new LinkedHashMap<>();
    private String sendPath;
    private String sendBody;
    private String expectSendStatus;
    private String mailTimeout;
    private String pollInterval;
    private String clockSkew;
    private String linkPattern;
    private String tokenParam;
    private boolean followLink;
    private List<String> linkOrigins = new ArrayList<>();
    private String verifyPath;
    private String expectVerifyStatus;
    private String sessionJsonPath;
    private String sessionCookie;
    private String userRecordCommand;
    private String userRecordHost;
    private String refreshPath;
    private String refreshMethod;
    private Boolean rejectInvalidToken;
    private Boolean rejectReusedToken;
    private Boolean rejectNoSession;
    private String expectInvalidStatus;
    private String expectNoSessionStatus;
    private String caCredentialsId;
    private String timeout;

    @DataBoundConstructor
    public CopyMagicLinkCheck(String baseUrl) {
        this.baseUrl = Values.trimToNull(baseUrl);
    }

    public String getBaseUrl() { return baseUrl; }

    public MagicLinkMailbox getMailbox() { return mailbox; }
    @DataBoundSetter public void setMailbox(MagicLinkMailbox mailbox) { this.mailbox = mailbox; }

    public List<AuthenticatedCheck> getAuthenticatedChecks() { return authenticatedChecks; }

    /** Empty keeps the engine's default (the profile must show the address). */
    @DataBoundSetter public void setAuthenticatedChecks(List<AuthenticatedCheck> authenticatedChecks) { this.authenticatedChecks = Values.copy(authenticatedChecks); }

    public RateLimitCheck getRateLimit() { return rateLimit; }
    @DataBoundSetter public void setRateLimit(RateLimitCheck rateLimit) { this.rateLimit = rateLimit; }

    public ExpiredTokenCheck getExpiredToken() { return expiredToken; }
    @DataBoundSetter public void setExpiredToken(ExpiredTokenCheck expiredToken) { this.expiredToken = expiredToken; }

    public String getEmail() { return email; }
    @DataBoundSetter public void setEmail(String email) { this.email = Values.trimToNull(email); }

    public String getEmailDomain() { return emailDomain; }
    @DataBoundSetter public void setEmailDomain(String emailDomain) { this.emailDomain = Values.trimToNull(emailDomain); }

    public Map<String, String> getHeaders() { return headers; }
    @DataBoundSetter public void setHeaders(Map<String, String> headers) { this.headers = StepForms.texts(headers); }

    public String getSendPath() { return sendPath; }
    @DataBoundSetter public void setSendPath(String sendPath) { this.sendPath = Values.trimToNull(sendPath); }

    public String getSendBody() { return sendBody; }
    @DataBoundSetter public void setSendBody(String sendBody) { this.sendBody = Values.emptyToNull(sendBody); }

    public String getExpectSendStatus() { return expectSendStatus; }
    @DataBoundSetter public void setExpectSendStatus(String expectSendStatus) { this.expectSendStatus = Values.trimToNull(expectSendStatus); }

    public String getMailTimeout() { return mailTimeout; }
    @DataBoundSetter public void setMailTimeout(String mailTimeout) { this.mailTimeout = Values.trimToNull(mailTimeout); }

    public String getPollInterval() { return pollInterval; }
    @DataBoundSetter public void setPollInterval(String pollInterval) { this.pollInterval = Values.trimToNull(pollInterval); }

    public String getClockSkew() { return clockSkew; }
    @DataBoundSetter public void setClockSkew(String clockSkew) { this.clockSkew = Values.trimToNull(clockSkew); }

    public String getLinkPattern() { return linkPattern; }
    @DataBoundSetter public void setLinkPattern(String linkPattern) { this.linkPattern = Values.emptyToNull(linkPattern); }

    public String getTokenParam() { return tokenParam; }
    @DataBoundSetter public void setTokenParam(String tokenParam) { this.tokenParam = Values.trimToNull(tokenParam); }

    public boolean isFollowLink() { return followLink; }
    @DataBoundSetter public void setFollowLink(boolean followLink) { this.followLink = followLink; }

    public List<String> getLinkOrigins() { return linkOrigins; }
    @DataBoundSetter public void setLinkOrigins(List<String> linkOrigins) { this.linkOrigins = Values.copy(linkOrigins); }

    public String getVerifyPath() { return verifyPath; }
    @DataBoundSetter public void setVerifyPath(String verifyPath) { this.verifyPath = Values.trimToNull(verifyPath); }

    public String getExpectVerifyStatus() { return expectVerifyStatus; }
    @DataBoundSetter public void setExpectVerifyStatus(String expectVerifyStatus) { this.expectVerifyStatus = Values.trimToNull(expectVerifyStatus); }

    public String getSessionJsonPath() { return sessionJsonPath; }
    @DataBoundSetter public void setSessionJsonPath(String sessionJsonPath) { this.sessionJsonPath = Values.trimToNull(sessionJsonPath); }

    public String getSessionCookie() { return sessionCookie; }
    @DataBoundSetter public void setSessionCookie(String sessionCookie) { this.sessionCookie = Values.trimToNull(sessionCookie); }

    public String getUserRecordCommand() { return userRecordCommand; }
    @DataBoundSetter public void setUserRecordCommand(String userRecordCommand) { this.userRecordCommand = Values.trimToNull(userRecordCommand); }

    public String getUserRecordHost() { return userRecordHost; }
    @DataBoundSetter public void setUserRecordHost(String userRecordHost) { this.userRecordHost = Values.trimToNull(userRecordHost); }

    public String getRefreshPath() { return refreshPath; }
    @DataBoundSetter public void setRefreshPath(String refreshPath) { this.refreshPath = Values.trimToNull(refreshPath); }

    public String getRefreshMethod() { return refreshMethod; }
    @DataBoundSetter public void setRefreshMethod(String refreshMethod) { this.refreshMethod = Values.trimToNull(refreshMethod); }

    public Boolean getRejectInvalidToken() { return rejectInvalidToken; }
    @DataBoundSetter public void setRejectInvalidToken(Boolean rejectInvalidToken) { this.rejectInvalidToken = rejectInvalidToken; }

    public Boolean getRejectReusedToken() { return rejectReusedToken; }
    @DataBoundSetter public void setRejectReusedToken(Boolean rejectReusedToken) { this.rejectReusedToken = rejectReusedToken; }

    public Boolean getRejectNoSession() { return rejectNoSession; }
    @DataBoundSetter public void setRejectNoSession(Boolean rejectNoSession) { this.rejectNoSession = rejectNoSession; }

    public String getExpectInvalidStatus() { return expectInvalidStatus; }
    @DataBoundSetter public void setExpectInvalidStatus(String expectInvalidStatus) { this.expectInvalidStatus = Values.trimToNull(expectInvalidStatus); }

    public String getExpectNoSessionStatus() { return expectNoSessionStatus; }
    @DataBoundSetter public void setExpectNoSessionStatus(String expectNoSessionStatus) { this.expectNoSessionStatus = Values.trimToNull(expectNoSessionStatus); }

    public String getCaCredentialsId() { return caCredentialsId; }
    @DataBoundSetter public void setCaCredentialsId(String caCredentialsId) { this.caCredentialsId = Values.trimToNull(caCredentialsId); }

    public String getTimeout() { return timeout; }
    @DataBoundSetter public void setTimeout(String timeout) { this.timeout = Values.trimToNull(timeout); }

    /** A Jenkinsfile map as the setters take it: statuses and map values as text; a key that is not the login's (a report setting) refused by name. */
    public static Map<String, Object> fromPipeline(Map<String, Object> arguments) {
        return StepForms.pipelineMap(arguments, MagicLinkAuthCheck.FLOW_PARAMS);
    }

    @Extension
    public static final class DescriptorImpl extends SettingsDescriptor<CopyMagicLinkCheck> {
        /** A blue-green deploy with a route: a field of its magic-link check is checked there. */
        static final Map<String, Object> BLUE_GREEN = Map.of("host", "h", "dir", "/srv/app", "strategy", "blue-green", "routes",
                List.of(BlueGreenRoute.DescriptorImpl.MINIMAL));
        static final Map<String, Object> MINIMAL = Map.of("baseUrl", "http://127.0.0.1:3000", "mailbox", Map.of("type", "maildev", "url",
                "http://localhost/"));
        /** The fields whose meaning here is that of magicLinkAuthCheck's: their help is the step's. */
        static final List<String> STEP_HELP = MagicLinkAuthCheck.FLOW_PARAMS.names().stream().filter(n -> !n.equals("baseUrl")).toList();

        public DescriptorImpl() {
            super("Magic-link login of the new copy", new ComposeDeploy(), BLUE_GREEN, "verifyMagicLink", MINIMAL);
            STEP_HELP.forEach(field -> addHelpFileRedirect(field, MagicLinkAuthCheckStep.class, field));
        }

        @Override
        public Map<String, Object> customInstantiate(Map<String, Object> arguments) {
            return fromPipeline(arguments);
        }

        @POST
        public FormValidation doCheckUserRecordHost(@AncestorInPath Item item, @QueryParameter String value) {
            return FormChoices.hostCheck(item, value);
        }

        @POST
        public ComboBoxModel doFillUserRecordHostItems(@AncestorInPath Item item) {
            return FormChoices.hostItems(item);
        }
    }
}

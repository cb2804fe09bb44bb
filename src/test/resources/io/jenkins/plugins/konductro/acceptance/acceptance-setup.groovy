// Run by Jenkins at start-up (init.groovy.d) in the acceptance suite's fresh JENKINS_HOME: what an administrator
// would set up before developers arrive. Each user's password is their id followed by "-pass".
import hudson.security.FullControlOnceLoggedInAuthorizationStrategy
import hudson.security.HudsonPrivateSecurityRealm
import hudson.security.csrf.DefaultCrumbIssuer
import jenkins.model.Jenkins
import jenkins.security.QueueItemAuthenticatorConfiguration
import org.jenkinsci.plugins.authorizeproject.GlobalQueueItemAuthenticator
import org.jenkinsci.plugins.authorizeproject.strategy.TriggeringUsersAuthorizationStrategy

def jenkins = Jenkins.get()
if (!(jenkins.securityRealm instanceof HudsonPrivateSecurityRealm)) {
    def realm = new HudsonPrivateSecurityRealm(false)
    [admin: 'Ada Admin', alice: 'Alice Doe', bob: 'Bob Stone', carol: 'Carol Reyes'].each { id, name ->
        realm.createAccount(id, id + '-pass').setFullName(name)
    }
    jenkins.securityRealm = realm
    def authorization = new FullControlOnceLoggedInAuthorizationStrategy()
    authorization.allowAnonymousRead = false
    jenkins.authorizationStrategy = authorization
    jenkins.crumbIssuer = new DefaultCrumbIssuer(true)
    jenkins.numExecutors = 2
    // Access Control for Builds: Project default Build Authorization, "Run as User who Triggered Build".
    def builds = QueueItemAuthenticatorConfiguration.get()
    builds.authenticators.clear()
    builds.authenticators.add(new GlobalQueueItemAuthenticator(new TriggeringUsersAuthorizationStrategy()))
    builds.save()
    jenkins.save()
}

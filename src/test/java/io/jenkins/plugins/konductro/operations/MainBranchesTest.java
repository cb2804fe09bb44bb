package io.jenkins.plugins.konductro.operations;

import static io.jenkins.plugins.konductro.SecretLeakWatch.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jenkins.plugins.konductro.SandboxFixture;
import io.jenkins.plugins.konductro.bitbucket.BitbucketException;
import io.jenkins.plugins.konductro.bitbucket.Branch;
import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import io.jenkins.plugins.konductro.sandbox.Fault;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MainBranchesTest {
    private static final RepositoryRef WIDGETS = RepositoryRef.of("acme-team", "widgets");

    @RegisterExtension
    final SandboxFixture fixture = new SandboxFixture();

    @Test
    void aKeptNameCostsOneRequestAndANameNoLongerABranchIsReadAgain() throws Exception {
        MainBranches mainBranches = new MainBranches(fixture.client(), Duration.ofMinutes(10), 10);
        Branch[] head = new Branch[1];
        assertEquals(2, fixture.requestsDuring(() -> head[0] = mainBranches.head(fixture.alice(), WIDGETS)));
        assertEquals("main", head[0].name());
        assertEquals(fixture.sandbox().branchHead("acme-team", "widgets", "main"), head[0].hash());
        assertEquals(1, fixture.requestsDuring(() -> mainBranches.head(fixture.alice(), WIDGETS)));

        fixture.sandbox().commitDirectly("acme-team", "widgets", "develop", "d.txt", "d");
        fixture.sandbox().setMainBranch("acme-team", "widgets", "develop");
        assertEquals("main", mainBranches.head(fixture.alice(), WIDGETS).name(), "the name is trusted for its lifetime");
        fixture.sandbox().inject("GET", ".*/refs/branches/main", Fault.status(404));
        assertEquals(3, fixture.requestsDuring(() -> head[0] = mainBranches.head(fixture.alice(), WIDGETS)));
        assertEquals("develop", head[0].name());
        assertEquals(1, fixture.requestsDuring(() -> mainBranches.head(fixture.alice(), WIDGETS)), "the new name is kept");
        assertEquals(1, mainBranches.kept());
    }

    @Test
    void withoutALifetimeTheNameIsReadEachTime() throws Exception {
        MainBranches mainBranches = new MainBranches(fixture.client(), Duration.ZERO, 10);
        mainBranches.head(fixture.alice(), WIDGETS);
        assertEquals(2, fixture.requestsDuring(() -> mainBranches.head(fixture.alice(), WIDGETS)));
    }

    @Test
    void aMainBranchWithoutCommitsIsSaidSo() {
        // An empty repository names its main branch, but no ref of that name exists yet.
        MainBranches mainBranches = new MainBranches(fixture.client(), Duration.ofMinutes(10), 10);
        fixture.sandbox().inject("GET", ".*/refs/branches/main", Fault.status(404));
        assertEquals("The main branch 'main' of acme-team/widgets has no commits.", expect(BitbucketException.NotFound.class,
                () -> mainBranches.head(fixture.alice(), WIDGETS)).getMessage());
    }
}

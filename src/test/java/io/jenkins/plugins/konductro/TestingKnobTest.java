package io.jenkins.plugins.konductro;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jenkins.plugins.konductro.bitbucket.BitbucketClient;
import org.junit.jupiter.api.Test;

/** The acceptance suite's knob points Konductro at a loopback stand-in for Bitbucket Cloud, and at nothing else. */
class TestingKnobTest {
    @Test
    void onlyLoopbackAddressesAreTaken() {
        assertEquals(BitbucketClient.DEFAULT_API_URL, KonductroService.apiUrl(null));
        assertEquals(BitbucketClient.DEFAULT_API_URL, KonductroService.apiUrl(" "));
        assertEquals("http://127.0.0.1:8990/2.0", KonductroService.apiUrl("http://127.0.0.1:8990/2.0"));
        assertEquals("http://localhost:8990/2.0", KonductroService.apiUrl("http://localhost:8990/2.0"));
        for (String elsewhere : new String[] {"https://attacker.example/2.0", "http://10.0.0.5:8990/2.0",
                "http://127.0.0.1.attacker.example/2.0", "not a url"}) {
            assertEquals(BitbucketClient.DEFAULT_API_URL, KonductroService.apiUrl(elsewhere), elsewhere);
        }
    }
}

package io.logflux.release.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logflux.release.testing.DebianPython;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Author-email and Maintainer-email as warehouse checks them (forklift/metadata.py lines 148-160): the address
 * email.utils.parseaddr finds, cross-checked live against Debian's Python (whose parseaddr is the strict one
 * warehouse's Python 3.14 has), must pass email-validator 2.3.0 with check_deliverability=False.
 */
class EmailAddressRulesTest {
    /**
     * Address, and whether email-validator 2.3.0 (the version warehouse pins; v2.3.0 of JoshData/python-email-validator
     * run under Debian's Python outside the project) accepts it with warehouse's arguments.
     */
    private static final List<Map.Entry<String, Boolean>> JUDGED_BY_EMAIL_VALIDATOR_2_3_0 = List.of(
            Map.entry("sdk@logflux.io", true),
            Map.entry("a@b.local", false),
            Map.entry("a@host.localhost", false),
            Map.entry("x@localhost", false),
            Map.entry("a@b.test", false),
            Map.entry("a@foo.invalid", false),
            Map.entry("a@x.onion", false),
            Map.entry("a@1.in-addr.arpa", false),
            Map.entry("a@arpa.example.com", true),
            Map.entry("a@testing.com", true),
            Map.entry("a@local.com", true),
            Map.entry("a@example.com", true),
            Map.entry("user@mail.example.org", true),
            Map.entry("not-an-address", false),
            Map.entry("a@b", false),
            Map.entry("a@b.c1", false),
            Map.entry("a@b.123", false),
            Map.entry("a.@b.com", false),
            Map.entry(".a@b.com", false),
            Map.entry("a..b@c.com", false),
            Map.entry("a@b..com", false),
            Map.entry("a@.b.com", false),
            Map.entry("a@b.com.", false),
            Map.entry("a@-b.com", false),
            Map.entry("a@b-.com", false),
            Map.entry("a@b.-com", false),
            Map.entry("a@ab--cd.com", false),
            Map.entry("a@xn--bcher-kva.ch", true),
            Map.entry("a@b\u00fccher.ch", true),
            Map.entry("j\u00f6rg@example.com", true),
            Map.entry("a b@c.com", false),
            Map.entry("\"a b\"@c.com", false),
            Map.entry("a@b@c.com", false),
            Map.entry("@b.com", false),
            Map.entry("a@", false),
            Map.entry("a+tag@b.com", true),
            Map.entry("a!#$%&'*+-/=?^_`{|}~@b.com", true),
            Map.entry("a@b_c.com", false),
            Map.entry("a@B.LOCAL", false),
            Map.entry("a@B.COM", true),
            Map.entry("a@[1.2.3.4]", false),
            Map.entry("aa@x.y.z.museum", true),
            Map.entry("x@a.b.c.d.e.f.g.h.travel", true),
            Map.entry("a@aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com", false),
            Map.entry("a@b.co\u200b", false),
            Map.entry("a\u00a0b@c.com", false),
            Map.entry("a@b.com ", false),
            Map.entry("xn--a@b.com", true),
            Map.entry("ab--c@d.com", true),
            Map.entry("a@ab--.com", false),
            Map.entry("a@localhost.com", true),
            Map.entry("a@sub.onion.com", true),
            Map.entry("q@a.arpa", false)
    );

    private static final List<String> FIELDS = List.of("LogFlux <sdk@logflux.io>", "sdk@logflux.io",
            "a@b.com, c@d.com", "John Smith", "LogFlux <not-an-address>", "\"Doe, John\" <j@x.com>",
            "Doe, John <j@x.com>", "a@b.com c@d.com", "x (comment) <a@b.local>", "a@b.com (A)", "<a@b.com>",
            "a@[1.2.3.4]", "a.@b.com", "a@b.com>", "Ann <a@b.com", "Ann <a@b.com> (x", "Ann (x <a@b.com>",
            "Dev Team <dev@b.test>", "\"Ann\" <a@b.com>", "Ann < a@b.com >", "a@b.local, b@c.com");

    @Test
    void agreesWithEmailValidator230OnEveryAddressOfTheCorpus() {
        List<String> disagreements = new ArrayList<>();
        for (Map.Entry<String, Boolean> judged : JUDGED_BY_EMAIL_VALIDATOR_2_3_0) {
            Optional<String> problem = EmailSyntax.problem(judged.getKey());
            if (problem.isEmpty() != judged.getValue()) {
                disagreements.add("'" + judged.getKey() + "': email-validator " + (judged.getValue() ? "accepts"
                        : "refuses") + ", check says " + problem);
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void everySpecialUseDomainIsRefusedAsEmailValidatorSaysIt() {
        assertThat(EmailSyntax.SPECIAL_USE_DOMAIN_NAMES).containsExactly("arpa", "invalid", "local", "localhost",
                "onion", "test");
        for (String domain : List.of("b.local", "host.localhost", "b.test", "x.invalid", "x.onion", "1.in-addr.arpa",
                "B.LOCAL")) {
            assertThat(EmailSyntax.problem("dev@" + domain)).as(domain).hasValue("The part after the @-sign is a "
                    + "special-use or reserved name that cannot be used with email.");
        }
        assertThat(EmailSyntax.problem("dev@local.com")).isEmpty();
        assertThat(EmailSyntax.problem("dev@localhost.example.org")).isEmpty();
    }

    @Test
    void findsTheAddressPythonsParseaddrFinds() throws IOException {
        Path input = Files.createTempFile("email-fields", ".json");
        try {
            Files.writeString(input, new ObjectMapper().writeValueAsString(FIELDS));
            JsonNode python = new ObjectMapper().readTree(DebianPython.runOk(null, "-c",
                    "import json, sys, email.utils\n"
                            + "print(json.dumps([email.utils.parseaddr(v)[1] for v in json.load(open(sys.argv[1]))]))",
                    input.toString()));
            List<String> disagreements = new ArrayList<>();
            for (int i = 0; i < FIELDS.size(); i++) {
                String expected = python.get(i).asText();
                String found = MetadataAddresses.addressPyPiValidates(FIELDS.get(i)).orElse("");
                if (!expected.equals(found)) {
                    disagreements.add("'" + FIELDS.get(i) + "': parseaddr '" + expected + "', check '" + found + "'");
                }
            }
            assertThat(disagreements).isEmpty();
        } finally {
            Files.deleteIfExists(input);
        }
    }
}

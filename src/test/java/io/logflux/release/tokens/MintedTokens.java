package io.logflux.release.tokens;

import io.logflux.release.testing.DebianPython;
import io.logflux.release.testing.FakeTokens;

import java.util.ArrayList;
import java.util.List;

/**
 * PyPI tokens minted by Debian's pymacaroons — the library warehouse mints them with — exactly as warehouse does:
 * {@code "pypi-" + Macaroon(location, identifier=uuid, version=2).serialize()} with JSON caveats serialized with sorted
 * keys and no spaces.
 */
final class MintedTokens {
    private MintedTokens() {
    }

    /** @param caveats JSON texts, e.g. {@code [1,["logflux"]]} */
    static String mint(String location, String... caveats) {
        List<String> args = new ArrayList<>(List.of("-c", """
                import json, sys, uuid, pymacaroons
                m = pymacaroons.Macaroon(location=sys.argv[1], identifier=str(uuid.uuid4()), key=uuid.uuid4().hex,
                                         version=pymacaroons.MACAROON_V2)
                for caveat in sys.argv[2:]:
                    m.add_first_party_caveat(json.dumps(json.loads(caveat), sort_keys=True, separators=(",", ":")))
                print("pypi-" + m.serialize())
                """, location));
        args.addAll(List.of(caveats));
        return FakeTokens.noted(DebianPython.runOk(null, args.toArray(String[]::new)).strip());
    }
}

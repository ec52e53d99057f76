package io.logflux.release.check;

import io.logflux.release.testing.DebianPython;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EntryPointRules} against Python's own {@code configparser}, set up as warehouse sets it up
 * ({@code warehouse/utils/wheel.py} lines 268-300: case-sensitive names, {@code delimiters=("=",)}, the
 * {@code [\w.-]+} test of console and gui script names): on every text below both must agree. Debian's Python is
 * 3.11; warehouse runs 3.14, whose {@code configparser} reads these texts the same way (its parser was split into
 * helpers in 3.13 without changing what it accepts, apart from the unnamed section, which is off by default).
 */
class EntryPointRulesCrossCheckTest {
    private static final String WAREHOUSE_LOGIC = String.join("\n",
            "import configparser, re, sys, pathlib",
            "name = re.compile(r'[\\w.-]+')",
            "class P(configparser.ConfigParser):",
            "    optionxform = staticmethod(str)",
            "def verdict(data):",
            "    try:",
            "        text = data.decode()",
            "    except UnicodeError:",
            "        return 'refused'",
            "    parser = P(delimiters=('=',))",
            "    try:",
            "        parser.read_string(text)",
            "    except configparser.Error:",
            "        return 'refused'",
            "    for section in ('console_scripts', 'gui_scripts'):",
            "        try:",
            "            proxy = parser[section]",
            "        except KeyError:",
            "            continue",
            "        for ep in proxy:",
            "            if name.fullmatch(ep) is None:",
            "                return 'refused'",
            "    return 'ok'",
            "for f in sorted(pathlib.Path(sys.argv[1]).iterdir()):",
            "    print(f.name + ' ' + verdict(f.read_bytes()))");

    @TempDir
    Path dir;

    private static Map<String, byte[]> corpus() {
        Map<String, byte[]> texts = new LinkedHashMap<>();
        String[] cases = {
            "[console_scripts]\nlogflux = logflux:main\n",
            "[console_scripts]\n../../bin/x = a:b\n",
            "[console_scripts]\na = x:y\na = x:z\n",
            "[console_scripts]\na = x:y\n[console_scripts]\n",
            "[pytest11]\nweird name/x = a\n",
            "[pytest11]\na = b\na = c\n",
            "a = b\n",
            "",
            "# only a comment\n; and another\n",
            "[console_scripts]\nnoequals\n",
            "[console_scripts]\n= x:y\n",
            "[console_scripts]\n= x:y\n= z:w\n",
            "[console_scripts]\na = x:y\n    ../evil = continued\n",
            "[console_scripts]\n\ta = x:y\n\t\t/evil = continued\n",
            "[console_scripts]\na = x:y\n\n    /evil = after a blank line\n",
            "[console_scripts]\na = x:y\n# comment\n    /evil = after a comment\n",
            "  [console_scripts]\n  a = x:y\n",
            "[console_scripts]\n  a = x:y\n/b = deeper first, then shallower\n",
            "[console_scripts] trailing\nok = x:y\n",
            "[console_scripts]]\n/x = y\n",
            "[]]\n/x = y\n",
            "[]\n",
            "[console_scripts ]\n/x = y\n",
            "[DEFAULT]\n/x = y\n",
            "[DEFAULT]\n/x = y\n[console_scripts]\na = b\n",
            "[DEFAULT]\na = y\n[DEFAULT]\nb = y\n",
            "[DEFAULT]\na = y\n[DEFAULT]\na = z\n",
            "[gui_scripts]\nmy tool = a:b\n",
            "[gui_scripts]\nCamel.Case-1_2 = a:b\n",
            "[console_scripts]\nA = a:b\na = a:b\n",
            "[console_scripts]\na == b\n",
            "[console_scripts]\na\t= b\na = c\n",
            "[console_scripts]\r\na = b\r\n",
            "[console_scripts]\na\rb = c\n",
            "\ufeff[console_scripts]\na = b\n",
            "[console_scripts]\n\u00e9l\u00e8ve = a:b\n",
            "[console_scripts]\ne\u0301 = a:b\n",
            "[console_scripts]\nx\u00bd = a:b\n",
            "[console_scripts]\nx\u00a0y = a:b\n",
            "[console_scripts]\nx\u00a0 = a:b\n",
            "\u00a0\u00a0[console_scripts]\na = b\n\u00a0\u00a0\u00a0/x = continued by NBSP indentation\n",
            "[console_scripts]\n\u000ca = b\n",
            "[console_scripts]\na = b\n\u2028/x = c\n",
            "[console_scripts]\na = %(undefined)s\n",
            "[console_scripts]\n;a = b\n#c = d\n",
            "[console_scripts]\na ; = b\n",
            "[console_scripts]\na: = b\n",
            "[console_scripts]\n[x] = y\n",
        };
        for (int i = 0; i < cases.length; i++) {
            texts.put(String.format("case%02d", i), cases[i].getBytes(StandardCharsets.UTF_8));
        }
        texts.put("notutf8", new byte[] {'[', 'a', ']', '\n', (byte) 0xC3, '(', '\n'});
        texts.put("surrogate", new byte[] {'[', 'a', ']', '\n', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '=', 'b'});
        return texts;
    }

    @Test
    void agreesWithPythonsConfigparserOnEveryText() throws IOException {
        Map<String, byte[]> corpus = corpus();
        Path texts = Files.createDirectories(dir.resolve("texts"));
        for (Map.Entry<String, byte[]> text : corpus.entrySet()) {
            Files.write(texts.resolve(text.getKey()), text.getValue());
        }
        String output = DebianPython.runOk(dir, "-c", WAREHOUSE_LOGIC, texts.toString());

        List<String> disagreements = new ArrayList<>();
        int refused = 0;
        for (String line : output.strip().split("\n")) {
            String[] parts = line.split(" ");
            boolean pythonRefuses = parts[1].equals("refused");
            refused += pythonRefuses ? 1 : 0;
            var ours = EntryPointRules.problem(corpus.get(parts[0]));
            if (ours.isPresent() != pythonRefuses) {
                disagreements.add(parts[0] + " " + new String(corpus.get(parts[0]), StandardCharsets.UTF_8)
                        .replace("\n", "\\n") + ": Python " + parts[1] + ", ours " + ours.orElse("ok"));
            }
        }
        assertThat(output.strip().split("\n")).hasSize(corpus.size());
        assertThat(refused).as("texts Python refuses (the comparison must mean something)").isGreaterThan(15);
        assertThat(disagreements).isEmpty();
    }
}

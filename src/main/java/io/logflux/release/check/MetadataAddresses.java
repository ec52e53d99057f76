package io.logflux.release.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The addresses of an Author-email or Maintainer-email field, and the one PyPI validates. Warehouse
 * (forklift/metadata.py line 150) takes {@code email.utils.parseaddr(value)} of the whole field; CPython's parseaddr
 * is strict by default (3.13, and the security updates of older versions, as in Debian's 3.11.2): it returns nothing
 * when the value holds more than one address, unbalanced parentheses or an address with '[', and then warehouse
 * validates nothing. So only a field with a single address is checked by PyPI.
 */
final class MetadataAddresses {
    private MetadataAddresses() {
    }

    /** The addresses of the field, split at the commas outside quotes, angle brackets and comments. */
    static List<String> split(String value) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        int angle = 0;
        int comment = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted && c == '\\' && i + 1 < value.length()) {
                current.append(c).append(value.charAt(++i));
                continue;
            }
            if (c == '"' && comment == 0) {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                comment++;
            } else if (!quoted && c == ')' && comment > 0) {
                comment--;
            } else if (!quoted && comment == 0 && c == '<') {
                angle++;
            } else if (!quoted && comment == 0 && c == '>' && angle > 0) {
                angle--;
            } else if (!quoted && comment == 0 && angle == 0 && c == ',') {
                addIfNotBlank(parts, current);
                continue;
            }
            current.append(c);
        }
        addIfNotBlank(parts, current);
        return parts;
    }

    /** The address part of one mailbox: inside the angle brackets if any, else the text without comments. */
    static String addressOf(String mailbox) {
        int open = mailbox.indexOf('<');
        if (open >= 0) {
            int close = mailbox.indexOf('>', open);
            return (close < 0 ? mailbox.substring(open + 1) : mailbox.substring(open + 1, close)).strip();
        }
        return HeaderComments.strip(mailbox).strip();
    }

    /** The address warehouse hands to email-validator, or empty when parseaddr yields none (so PyPI checks none). */
    static Optional<String> addressPyPiValidates(String value) {
        List<String> mailboxes = split(value);
        if (mailboxes.size() != 1 || !parenthesesBalance(value)) {
            return Optional.empty();
        }
        String mailbox = mailboxes.get(0).strip();
        if (mailbox.indexOf('>') >= 0 && mailbox.indexOf('<') < 0) {
            return Optional.empty();
        }
        String address = addressOf(mailbox);
        if (mailbox.indexOf('<') < 0) {
            String[] words = address.split("\\s+");
            for (int i = 1; i < words.length; i++) {
                if (words[i].contains("@")) {
                    return Optional.empty(); // two addresses, parseaddr says
                }
            }
            address = words[0];
        } else {
            address = address.replaceAll("\\s+", "");
        }
        return address.isEmpty() || address.contains("[") ? Optional.empty() : Optional.of(address);
    }

    private static boolean parenthesesBalance(String value) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    private static void addIfNotBlank(List<String> parts, StringBuilder current) {
        if (!current.toString().isBlank()) {
            parts.add(current.toString().strip());
        }
        current.setLength(0);
    }
}

package io.logflux.release.dist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The records of one pax extended header ({@code "<length> <key>=<value>\n"}, POSIX.1-2001), parsed from a payload
 * whose size the reader has already bounded. Only what decides where a member goes and how much data follows is kept:
 * {@code path}, {@code linkpath}, {@code size}, and whether any {@code GNU.sparse.*} record marks the member sparse.
 */
final class PaxRecords {
    static final String PATH = "path";
    static final String LINK_PATH = "linkpath";
    static final String SIZE = "size";
    private static final String SPARSE_PREFIX = "GNU.sparse.";

    private final Map<String, String> values = new HashMap<>();
    private boolean sparse;

    /** Parses a payload; a record that does not frame correctly is a damaged archive. */
    static PaxRecords parse(byte[] payload, int length) throws IOException {
        PaxRecords records = new PaxRecords();
        int at = 0;
        while (at < length) {
            if (payload[at] == 0) {
                break;
            }
            int space = at;
            long recordLength = 0;
            while (space < length && payload[space] >= '0' && payload[space] <= '9') {
                recordLength = recordLength * 10 + (payload[space] - '0');
                if (recordLength > length) {
                    throw new IOException("a pax header record claims more bytes than its header holds");
                }
                space++;
            }
            int end = at + (int) recordLength;
            if (space == at || space >= length || payload[space] != ' ' || end > length || end <= space + 1
                    || payload[end - 1] != '\n') {
                throw new IOException("a pax header record is malformed");
            }
            int equals = space + 1;
            while (equals < end - 1 && payload[equals] != '=') {
                equals++;
            }
            if (equals >= end - 1) {
                throw new IOException("a pax header record has no '='");
            }
            String key = new String(payload, space + 1, equals - space - 1, StandardCharsets.UTF_8);
            records.put(key, new String(payload, equals + 1, end - 1 - equals - 1, StandardCharsets.UTF_8));
            at = end;
        }
        return records;
    }

    private void put(String key, String value) {
        if (key.startsWith(SPARSE_PREFIX)) {
            sparse = true;
        } else if (key.equals(PATH) || key.equals(LINK_PATH) || key.equals(SIZE)) {
            values.put(key, value);
        }
    }

    /** Later records (a member's own over the global ones) win. */
    PaxRecords over(PaxRecords global) {
        PaxRecords merged = new PaxRecords();
        merged.values.putAll(global.values);
        merged.values.putAll(values);
        merged.sparse = sparse || global.sparse;
        return merged;
    }

    /** A record's value; an empty value (a member's way of cancelling a global record) counts as absent. */
    String get(String key) {
        String value = values.get(key);
        return value == null || value.isEmpty() ? null : value;
    }

    boolean sparse() {
        return sparse;
    }

    /** The {@code size} record, when there is one. */
    long size(long otherwise) throws IOException {
        String size = get(SIZE);
        if (size == null) {
            return otherwise;
        }
        try {
            long parsed = Long.parseLong(size);
            if (parsed < 0) {
                throw new IOException("a pax header gives a negative size");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IOException("a pax header gives the size '" + size.substring(0, Math.min(20, size.length()))
                    + "', not a number");
        }
    }
}

/**
 * Each report as one plain map (LinkedHashMap and ArrayList of String, Number, Boolean and null): what the command
 * line prints with {@code --json} and what a Jenkins step returns, so both show the same keys. Plain values keep the
 * maps CPS-serializable and let them cross the agent channel.
 */
package io.logflux.release.results;

package se.stratlas.exchange;

/**
 * A time-limited signed link to a deal's delivery: when it expires (epoch seconds) and
 * its signature.
 */
public record DownloadLink(long expires, String signature) {
}

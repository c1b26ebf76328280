package se.stratlas.reports;

/**
 * A report as a file to download: the name it is offered under (without the extension),
 * its format and its bytes.
 */
public record ReportFile(String name, Editions.Format format, byte[] body) {
}

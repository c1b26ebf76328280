package se.stratlas.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A report as one model that every format renders: a cover, then headings, texts (in
 * Markdown, references already resolved), tables, charts and notices, in order.
 */
public record ReportDocument(String title, String subtitle, String organisation, String language, LocalDate date,
		boolean draft, Logo logo, List<Node> nodes) {

	/** The organisation's logo on the cover, with its alternative text. */
	public record Logo(byte[] image, String mediaType, String alt) {
	}

	/** One part of the report. */
	public sealed interface Node permits Heading, Text, Table, Chart, Notice {

	}

	/** A heading; level 1 starts a chapter (and a new page in print). */
	public record Heading(int level, String text, String anchor) implements Node {
	}

	/** A text in Markdown, with an optional byline (the unit that wrote it). */
	public record Text(String markdown, String byline) implements Node {
	}

	/**
	 * A table with its caption; numeric columns are right-aligned and kept as numbers in
	 * Excel. It is also published as open data under {@code dataset}.
	 */
	public record Table(String caption, List<String> headers, List<List<Object>> rows, String dataset) implements Node {
	}

	/**
	 * A chart drawn on the server, with its alternative text and its data. The PNG (for
	 * Word and PDF) is drawn the first time a format asks for it, from the same series.
	 * The note adds what the title does not say: source, unit, period, invented values.
	 */
	public record Chart(String title, String note, String alt, String svg, Supplier<byte[]> drawPng,
			Table data) implements Node {

		public Chart {
			drawPng = once(drawPng);
		}

		/** The figure caption: the title, then the note. */
		public String caption() {
			return this.note == null || this.note.isBlank() ? this.title : this.title + ". " + this.note;
		}

		public byte[] png() {
			return this.drawPng.get();
		}

		private static Supplier<byte[]> once(Supplier<byte[]> draw) {
			return new Supplier<>() {

				private volatile byte[] drawn;

				@Override
				public byte[] get() {
					byte[] png = this.drawn;
					if (png == null) {
						png = draw.get();
						this.drawn = png;
					}
					return png;
				}

			};
		}

	}

	/**
	 * A status in a table cell, such as a goal's fulfilment: its words, and a tone that
	 * formats may show as a colour and a symbol. It reads the same without colour.
	 */
	public record Mark(String label, Tone tone) {

		/** How a status stands. */
		public enum Tone {

			GOOD("●"), PARTLY("◐"), BAD("○"), NONE("–");

			private final String symbol;

			Tone(String symbol) {
				this.symbol = symbol;
			}

			public String symbol() {
				return this.symbol;
			}

		}

		/** The words, as every format that has no colour shows them. */
		@Override
		public String toString() {
			return this.label;
		}

	}

	/** A notice in the text: a part not approved yet, invented demo values. */
	public record Notice(String text) implements Node {
	}

	/** The headings, for tables of contents and bookmarks. */
	public List<Heading> headings() {
		List<Heading> headings = new ArrayList<>();
		for (Node node : this.nodes) {
			if (node instanceof Heading heading) {
				headings.add(heading);
			}
		}
		return headings;
	}

	/**
	 * Draws every chart's PNG now, on all cores, so that a format that lays the report
	 * out (PDF, Word) finds them drawn; each is drawn once per document, whichever format
	 * asks first.
	 */
	public void drawCharts() {
		this.nodes.stream()
			.filter(Chart.class::isInstance)
			.map(Chart.class::cast)
			.toList()
			.parallelStream()
			.forEach(Chart::png);
	}

	/** Every table, charts' data included, in order. */
	public List<Table> tables() {
		List<Table> tables = new ArrayList<>();
		for (Node node : this.nodes) {
			if (node instanceof Table table) {
				tables.add(table);
			}
			else if (node instanceof Chart chart) {
				tables.add(chart.data());
			}
		}
		return tables;
	}

}

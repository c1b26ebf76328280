package se.stratlas.reports.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import se.stratlas.reports.ReportDocument;
import se.stratlas.shared.tables.Table;
import se.stratlas.shared.tables.TableFiles;

/**
 * The report as an Excel workbook: a first sheet that says what the workbook is (report,
 * period, organisation, date, sources, what is invented, which sheet holds which table),
 * then one sheet per table of the report.
 */
public final class XlsxReport {

	private XlsxReport() {
	}

	/** The workbook of the report. */
	public static byte[] render(ReportDocument document) {
		List<Table> sheets = new ArrayList<>();
		// The first sheet says what the workbook is: report, organisation, date, where
		// the
		// figures come from, what is invented, and which sheet holds which table.
		List<List<Object>> about = new ArrayList<>();
		about.add(List.of("Rapport", document.title()));
		about.add(List.of("Period", document.subtitle()));
		about.add(List.of("Organisation", document.organisation()));
		about.add(List.of("Datum", document.date()));
		about.add(List.of("Källa", "Stratlas. Indikatorvärden från Kolada, SCB eller organisationens egna data "
				+ "enligt figurtexterna; belopp i kronor där inget annat anges."));
		document.nodes()
			.stream()
			.filter(ReportDocument.Notice.class::isInstance)
			.map(n -> ((ReportDocument.Notice) n).text())
			.filter(t -> t.contains("fiktiva"))
			.distinct()
			.forEach(t -> about.add(List.of("Observera", t)));
		List<Table> tables = new ArrayList<>();
		List<String> names = sheetNames(document.tables().stream().map(ReportDocument.Table::caption).toList());
		int index = 0;
		for (ReportDocument.Table table : document.tables()) {
			index++;
			String name = String.format(Locale.ROOT, "%02d %s", index, names.get(index - 1));
			tables.add(new Table(name, table.headers(), table.rows()));
			about.add(List.of(String.format(Locale.ROOT, "Blad %02d", index), table.caption()));
		}
		sheets.add(new Table("Om arbetsboken", List.of("Uppgift", "Värde"), about));
		sheets.addAll(tables);
		return TableFiles.xlsx(sheets);
	}

	/**
	 * Short sheet names that tell the tables apart within Excel's 31 characters: captions
	 * that begin alike ("Ekonomi och personal, Division …") keep their first word and
	 * what is their own ("Ekonomi Folktandvård").
	 */
	static List<String> sheetNames(List<String> captions) {
		int room = 27;
		List<String> names = new ArrayList<>();
		for (String caption : captions) {
			String own = caption;
			String start = caption.substring(0, Math.min(caption.length(), room));
			List<String> alike = captions.stream()
				.filter(c -> !c.equals(caption) && c.startsWith(start) && c.length() > room)
				.toList();
			boolean prefixOfAnother = alike.stream().anyMatch(c -> c.startsWith(caption));
			String shorter = alike.stream().filter(caption::startsWith).findFirst().orElse(null);
			String tail = shorter == null ? null : caption.substring(shorter.length()).replaceFirst("^[–,:\\s]+", "");
			if (tail != null && !tail.isEmpty() && tail.length() <= 12) {
				// "…, Dalarnas län, per kön" beside "…, Dalarnas län": its start,
				// then what it adds.
				own = caption.substring(0, room - tail.length() - 1).stripTrailing() + " " + tail;
			}
			else if (!alike.isEmpty() && caption.length() > room && !prefixOfAnother) {
				// Where it parts from the caption most like it.
				int common = 0;
				for (String other : alike) {
					int i = 0;
					while (i < Math.min(caption.length(), other.length()) && caption.charAt(i) == other.charAt(i)) {
						i++;
					}
					common = Math.max(common, i);
				}
				int word = caption.lastIndexOf(' ', common) + 1;
				String rest = caption.substring(word).replaceFirst("^[–,:\\s]+", "");
				own = caption.split("[ ,]")[0] + " " + rest;
			}
			names.add(own.length() > room ? own.substring(0, room).stripTrailing() : own);
		}
		return names;
	}

}

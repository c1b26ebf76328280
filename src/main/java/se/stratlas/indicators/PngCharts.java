package se.stratlas.indicators;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The line chart as PNG (for Word documents and slides), drawn by JFreeChart from the
 * same series as the SVG and the table.
 */
public final class PngCharts {

	private static final Color[] COLOURS = { new Color(0x0b4f6c), new Color(0xc2410c), new Color(0x1d6b38),
			new Color(0x7c3aed), new Color(0xa1181d), new Color(0x4a5663) };

	private PngCharts() {
	}

	public static byte[] line(String title, String unit, List<IndicatorAnalytics.Series> series) {
		DefaultCategoryDataset dataset = new DefaultCategoryDataset();
		List<Period> periods = series.stream()
			.flatMap(s -> s.points().stream())
			.map(Target.Point::period)
			.distinct()
			.sorted()
			.toList();
		for (IndicatorAnalytics.Series s : series) {
			for (Period period : periods) {
				// A missing value stays a gap in the line (null), never a zero.
				Double value = s.points()
					.stream()
					.filter(p -> p.period().equals(period))
					.findFirst()
					.map(Target.Point::value)
					.orElse(null);
				dataset.addValue(value, s.areaName(), period.code());
			}
		}
		CategoryPlot plot = new CategoryPlot(dataset, new org.jfree.chart.axis.CategoryAxis(),
				new org.jfree.chart.axis.NumberAxis(unit), new LineAndShapeRenderer(true, true));
		plot.setBackgroundPaint(Color.WHITE);
		plot.setRangeGridlinePaint(new Color(0xc5ced6));
		plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
		((org.jfree.chart.axis.NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
		for (int i = 0; i < series.size(); i++) {
			plot.getRenderer().setSeriesPaint(i, COLOURS[i % COLOURS.length]);
			plot.getRenderer().setSeriesStroke(i, new BasicStroke(2.5f));
		}
		JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
		chart.setBackgroundPaint(Color.WHITE);
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			ChartUtils.writeChartAsPNG(out, chart, 960, 480);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

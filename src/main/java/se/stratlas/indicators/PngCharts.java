package se.stratlas.indicators;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.math.MathContext;
import java.text.NumberFormat;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;

import javax.imageio.stream.ImageOutputStream;

import javax.imageio.ImageWriter;

import javax.imageio.ImageWriteParam;

import javax.imageio.ImageIO;

import javax.imageio.IIOImage;

/**
 * The line chart as PNG (for Word documents and slides), drawn by JFreeChart from the
 * same series as the SVG and the table.
 */
public final class PngCharts {

	private static final Color[] COLOURS = { new Color(0x0b4f6c), new Color(0xc2410c), new Color(0x1d6b38),
			new Color(0x7c3aed), new Color(0xa1181d), new Color(0x4a5663) };

	/**
	 * The chart's size in points as laid out; the image has {@link #SCALE} pixels per
	 * point, so it stays sharp when a report prints it 15 cm wide.
	 */
	public static final int WIDTH = 560;

	public static final int HEIGHT = 300;

	public static final int SCALE = 2;

	/**
	 * Tick labels, legend and axis label in points of the laid-out chart: at 15 cm wide
	 * on paper they print at about 9 pt.
	 */
	public static final float TICK_FONT_SIZE = 12f;

	private PngCharts() {
	}

	/**
	 * Horizontal bars in groups, as {@link SvgCharts#groupedBars}: per category one bar
	 * per series, from zero; a missing value has no bar.
	 */
	public static byte[] groupedBars(String unit, List<String> categories, List<String> series, Double[][] values,
			Locale locale) {
		DefaultCategoryDataset dataset = new DefaultCategoryDataset();
		for (int c = 0; c < categories.size(); c++) {
			for (int s = 0; s < series.size(); s++) {
				dataset.addValue(values[c][s], series.get(s), categories.get(c));
			}
		}
		NumberAxis axis = new NumberAxis(unit);
		axis.setNumberFormatOverride(NumberFormat.getNumberInstance(locale));
		BarRenderer renderer = new BarRenderer();
		renderer.setBarPainter(new StandardBarPainter());
		renderer.setShadowVisible(false);
		renderer.setItemMargin(0.05);
		for (int s = 0; s < series.size(); s++) {
			renderer.setSeriesPaint(s, COLOURS[s % COLOURS.length]);
		}
		CategoryPlot plot = new CategoryPlot(dataset, new CategoryAxis(), axis, renderer);
		plot.setOrientation(PlotOrientation.HORIZONTAL);
		plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
		plot.setBackgroundPaint(Color.WHITE);
		plot.setRangeGridlinePaint(new Color(0xc5ced6));
		plot.setRangeZeroBaselineVisible(true);
		Font labels = new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(TICK_FONT_SIZE));
		axis.setTickLabelFont(labels);
		axis.setLabelFont(labels);
		plot.getDomainAxis().setTickLabelFont(labels);
		plot.getDomainAxis().setMaximumCategoryLabelLines(2);
		JFreeChart chart = new JFreeChart(null, new Font(Font.SANS_SERIF, Font.BOLD, 14), plot, true);
		chart.getLegend().setItemFont(labels);
		chart.setBackgroundPaint(Color.WHITE);
		int height = Math.max(HEIGHT, 60 + categories.size() * (series.size() * 14 + 12));
		return png(chart, WIDTH, height);
	}

	public static byte[] line(String title, String unit, List<IndicatorAnalytics.Series> series) {
		return line(title, unit, series, Locale.forLanguageTag("sv"));
	}

	/**
	 * The line chart with the axis in the reader's numbers (a decimal comma in Swedish),
	 * round ticks as the SVG has them, periods as people write them and preliminary
	 * values as open points. Without a title ({@code null}) when the page around it
	 * carries one, as a report's figure caption does.
	 */
	public static byte[] line(String title, String unit, List<IndicatorAnalytics.Series> series, Locale locale) {
		DefaultCategoryDataset dataset = new DefaultCategoryDataset();
		List<Period> periods = series.stream()
			.flatMap(s -> s.points().stream())
			.map(Target.Point::period)
			.distinct()
			.sorted()
			.toList();
		Set<String> preliminary = new HashSet<>();
		double min = Double.POSITIVE_INFINITY;
		double max = Double.NEGATIVE_INFINITY;
		for (int row = 0; row < series.size(); row++) {
			IndicatorAnalytics.Series s = series.get(row);
			for (int column = 0; column < periods.size(); column++) {
				Period period = periods.get(column);
				// A missing value stays a gap in the line (null), never a zero.
				Target.Point point = s.points()
					.stream()
					.filter(p -> p.period().equals(period))
					.findFirst()
					.orElse(null);
				Double value = point == null ? null : point.value();
				if (value != null) {
					min = Math.min(min, value);
					max = Math.max(max, value);
					if (point.preliminary()) {
						preliminary.add(row + "/" + column);
					}
				}
				dataset.addValue(value, s.areaName(), period.label(locale));
			}
		}
		NumberAxis axis = new NumberAxis(unit);
		if (min <= max) {
			double[] ticks = SvgCharts.ticks(min, min == max ? max + 1 : max);
			double step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
			NumberFormat format = NumberFormat.getNumberInstance(locale);
			int decimals = Math.max(0, BigDecimal.valueOf(step).round(new MathContext(3)).stripTrailingZeros().scale());
			format.setMinimumFractionDigits(decimals);
			format.setMaximumFractionDigits(decimals);
			axis.setRange(ticks[0], ticks[ticks.length - 1]);
			axis.setTickUnit(new NumberTickUnit(step, format));
		}
		LineAndShapeRenderer renderer = new LineAndShapeRenderer(true, true) {

			// A preliminary value is an open point: white inside, the series' colour
			// around.
			@Override
			public Paint getItemFillPaint(int row, int column) {
				return preliminary.contains(row + "/" + column) ? Color.WHITE : lookupSeriesPaint(row);
			}

		};
		renderer.setUseFillPaint(true);
		CategoryPlot plot = new CategoryPlot(dataset, new CategoryAxis(), axis, renderer);
		plot.setBackgroundPaint(Color.WHITE);
		plot.setRangeGridlinePaint(new Color(0xc5ced6));
		// Slanted labels only when the periods would not fit side by side.
		plot.getDomainAxis()
			.setCategoryLabelPositions(
					periods.size() > 12 ? CategoryLabelPositions.UP_45 : CategoryLabelPositions.STANDARD);
		for (int i = 0; i < series.size(); i++) {
			plot.getRenderer().setSeriesPaint(i, COLOURS[i % COLOURS.length]);
			plot.getRenderer().setSeriesStroke(i, new BasicStroke(2.5f));
		}
		Font labels = new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(TICK_FONT_SIZE));
		axis.setTickLabelFont(labels);
		axis.setLabelFont(labels);
		plot.getDomainAxis().setTickLabelFont(labels);
		JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 14), plot, true);
		if (title == null) {
			chart.setTitle((TextTitle) null);
		}
		chart.getLegend().setItemFont(labels);
		chart.setBackgroundPaint(Color.WHITE);
		return png(chart, WIDTH, HEIGHT);
	}

	/**
	 * The chart drawn at {@link #SCALE} pixels per point on white, without an alpha
	 * channel, and written with fast compression: a flat-coloured chart loses little in
	 * size and the report's charts are written in a fraction of the time the default
	 * compression takes.
	 */
	static byte[] png(JFreeChart chart, int width, int height) {
		BufferedImage image = new BufferedImage(width * SCALE, height * SCALE, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, image.getWidth(), image.getHeight());
			g.scale(SCALE, SCALE);
			chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
		}
		finally {
			g.dispose();
		}
		ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
		try (ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
				ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			// Quality 0.9 is deflate level 1 in the JDK's PNG writer.
			param.setCompressionQuality(0.9f);
			writer.setOutput(stream);
			writer.write(null, new IIOImage(image, null, null), param);
			stream.flush();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			writer.dispose();
		}
	}

}

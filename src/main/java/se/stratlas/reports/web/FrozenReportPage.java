package se.stratlas.reports.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.ViewResolver;

import se.stratlas.shared.web.SplicedGzip;
import se.stratlas.shared.web.SplicedGzipView;

/**
 * A page with a frozen report in it (an edition, a published report): gzipped with the
 * report compressed once when the client takes gzip, else as usual. The template writes
 * the {@code report} attribute with {@code th:utext}.
 */
@Component
class FrozenReportPage {

	private final ViewResolver views;

	FrozenReportPage(@Qualifier("thymeleafViewResolver") ViewResolver views) {
		this.views = views;
	}

	ModelAndView page(String template, SplicedGzip.Part report, Model model, Locale locale, HttpServletRequest request)
			throws Exception {
		if (report != null && SplicedGzipView.accepted(request)) {
			model.addAttribute("report", SplicedGzipView.MARKER);
			return new ModelAndView(new SplicedGzipView(this.views.resolveViewName(template, locale), report));
		}
		model.addAttribute("report", report == null ? null : new String(report.text(), StandardCharsets.UTF_8));
		return new ModelAndView(template);
	}

}

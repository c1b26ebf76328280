package se.stratlas.web;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import se.stratlas.areas.Area;
import se.stratlas.areas.Areas;
import se.stratlas.followup.LiveReferences;
import se.stratlas.indicators.IndicatorDefinition;
import se.stratlas.indicators.IndicatorKinds.Kind;
import se.stratlas.indicators.IndicatorKinds.Missing;
import se.stratlas.indicators.IndicatorKinds.Polarity;
import se.stratlas.indicators.IndicatorKinds.Sex;
import se.stratlas.indicators.IndicatorKinds.Source;
import se.stratlas.indicators.IndicatorKinds.ValueStatus;
import se.stratlas.indicators.IndicatorRegistry;
import se.stratlas.indicators.IndicatorValues;
import se.stratlas.indicators.IndicatorLinks;
import se.stratlas.indicators.IndicatorValue;
import se.stratlas.indicators.Period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A missing value is never read as 0, and a preliminary value says so, on every path a
 * value is read: the indicator page, its chart, the series, ranking, county aggregate and
 * dashboard in the API, the CSV and XLSX exports, a live reference in a text and the
 * annual report. One municipality's 2023 value is confidential, the county's 2023 value
 * is missing, and the 2024 values are preliminary; every stored number is at least 1, so
 * a zero anywhere is a missing value read wrongly.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class MissingValuesIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IndicatorRegistry registry;

	@Autowired
	IndicatorValues values;

	@Autowired
	IndicatorLinks links;

	@Autowired
	Areas areas;

	@Autowired
	LiveReferences references;

	private long organisation;

	private IndicatorDefinition indicator;

	private String secret;

	private String preliminary;

	private UUID priority2;

	@BeforeEach
	void values() {
		this.organisation = this.jdbc.sql("select id from accounts_organisation where code = 'vasterbotten'")
			.query(Long.class)
			.single();
		this.priority2 = this.jdbc.sql("""
				select e.element_key from strategy_element e join strategy_version v on v.id = e.version_id
				join strategy_strategy s on s.id = v.strategy_id
				where s.organisation_id = :org and s.code = 'RUS' and e.code = '2' order by v.number desc limit 1""")
			.param("org", this.organisation)
			.query(UUID.class)
			.single();
		List<Area> municipalities = this.areas.municipalitiesOf("24");
		this.secret = municipalities.get(0).code();
		this.preliminary = municipalities.get(1).code();
		this.indicator = this.registry.findByCode(this.organisation, "TEST_SAKNAS").orElse(null);
		if (this.indicator != null) {
			return;
		}
		this.indicator = this.registry
			.define(this.organisation,
					new IndicatorDefinition.Draft("TEST_SAKNAS", "Testindikator med luckor", null, null, "antal", 1,
							Polarity.HIGHER_IS_BETTER, Kind.RESULTAT, Source.OWN, null, false, null, null, null),
					"tester");
		this.links.link(this.organisation, this.indicator.id(), List.of(this.priority2));
		List<IndicatorValue.Incoming> values = new ArrayList<>();
		int i = 0;
		for (Area municipality : municipalities) {
			i++;
			values.add(value(municipality.code(), 2022, 10.0 + i, null, false));
			values.add(municipality.code().equals(this.secret)
					? value(municipality.code(), 2023, null, Missing.SEKRETESS, false)
					: value(municipality.code(), 2023, 11.0 + i, null, false));
			values.add(value(municipality.code(), 2024, 12.0 + i, null, true));
		}
		values.add(value("24", 2022, 20.0, null, false));
		values.add(value("24", 2023, null, Missing.SAKNAS, false));
		values.add(value("24", 2024, 22.0, null, true));
		values.add(value(Areas.SWEDEN, 2022, 30.0, null, false));
		values.add(value(Areas.SWEDEN, 2023, 31.0, null, false));
		values.add(value(Areas.SWEDEN, 2024, 32.0, null, true));
		this.values.store(values, "test", null);
	}

	private IndicatorValue.Incoming value(String area, int year, Double value, Missing missing, boolean preliminary) {
		return new IndicatorValue.Incoming(this.indicator.id(), area, Period.year(year), Sex.T, value, missing,
				preliminary ? ValueStatus.PRELIMINAR : ValueStatus.DEFINITIV);
	}

	private RequestPostProcessor reader() {
		return user(this.users.loadUserByUsername("lars.lasare"));
	}

	@Test
	void theSeriesApiGivesNullWithTheReasonAndMarksPreliminaryValues() throws Exception {
		this.mvc
			.perform(get("/api/indicators/{id}/series", this.indicator.id()).param("area", this.secret, "24")
				.with(reader()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].points[1].value").isEmpty())
			.andExpect(jsonPath("$[0].points[1].missing").value("SEKRETESS"))
			.andExpect(jsonPath("$[0].points[2].preliminary").value(true))
			.andExpect(jsonPath("$[1].points[1].value").isEmpty())
			.andExpect(jsonPath("$[1].points[1].missing").value("SAKNAS"))
			.andExpect(jsonPath("$[1].points[0].preliminary").value(false));
	}

	@Test
	void theRankingLeavesOutAMissingValueAndMarksPreliminaryOnes() throws Exception {
		this.mvc
			.perform(get("/api/indicators/{id}/ranking", this.indicator.id()).param("period", "2023").with(reader()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].areaCode", not(hasItem(this.secret))))
			.andExpect(jsonPath("$[*].value", not(hasItem(0.0))))
			.andExpect(jsonPath("$.length()").value(14));
		this.mvc
			.perform(get("/api/indicators/{id}/ranking", this.indicator.id()).param("period", "2024").with(reader()))
			.andExpect(jsonPath("$[0].preliminary").value(true))
			.andExpect(jsonPath("$.length()").value(15));
	}

	@Test
	void theCountyAggregateIsUnknownWhenAMunicipalityIsConfidential() throws Exception {
		this.mvc
			.perform(get("/api/indicators/{id}/county-aggregate", this.indicator.id()).param("county", "24")
				.with(reader()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[1].period.year").value(2023))
			.andExpect(jsonPath("$[1].value").isEmpty())
			.andExpect(jsonPath("$[1].missing").value("SEKRETESS"))
			.andExpect(jsonPath("$[2].preliminary").value(true));
	}

	@Test
	void theDashboardSkipsTheMissingPeriodAndMarksThePreliminaryLatest() throws Exception {
		this.mvc
			.perform(get("/api/indicators/dashboard").param("element", this.priority2.toString())
				.param("area", "24")
				.with(reader()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.indicator.code == 'TEST_SAKNAS')].latest").value(22.0))
			.andExpect(jsonPath("$[?(@.indicator.code == 'TEST_SAKNAS')].previous").value(20.0))
			.andExpect(jsonPath("$[?(@.indicator.code == 'TEST_SAKNAS')].preliminary").value(true));
	}

	@Test
	void theIndicatorPageShowsTheReasonAndNoZero() throws Exception {
		String page = this.mvc
			.perform(get("/indicators/{id}", this.indicator.id()).param("area", this.secret).with(reader()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("sekretess").contains("saknas").contains("class=\"prelim\"");
		assertThat(page).doesNotContainPattern("<td class=\"num\">0(,0)?<");
	}

	@Test
	void theChartHasAGapWhereAValueIsMissingAndOpenCirclesForPreliminaryValues() throws Exception {
		String svg = this.mvc
			.perform(get("/indicators/{id}/chart.svg", this.indicator.id()).param("area", this.secret).with(reader()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String municipalityLine = svg.split("<path d=\"")[1].split("\"")[0];
		assertThat(municipalityLine.split("M")).as("the line restarts after the gap").hasSize(3);
		String countyLine = svg.split("<path d=\"")[2].split("\"")[0];
		assertThat(countyLine.split("M")).hasSize(3);
		assertThat(svg).contains("fill=\"#ffffff\"").contains("Avbrott: värde saknas");
	}

	@Test
	void theExportsLeaveAMissingValueEmptyWithItsReason() throws Exception {
		String csv = this.mvc
			.perform(get("/indicators/{id}/export", this.indicator.id()).param("area", this.secret)
				.param("format", "csv")
				.with(reader()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(csv).contains(this.secret + ";").contains(";2023;T;;;sekretess").contains(";2024;T;13.0;preliminär");
		assertThat(csv).contains("24;Västerbottens län;2023;T;;;saknas");
		byte[] xlsx = this.mvc
			.perform(get("/indicators/{id}/export", this.indicator.id()).param("area", this.secret)
				.param("format", "xlsx")
				.with(reader()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = book.getSheetAt(0);
			Row secretRow = null;
			for (Row row : sheet) {
				if (this.secret.equals(text(row.getCell(1))) && "2023".equals(text(row.getCell(3)))) {
					secretRow = row;
				}
			}
			assertThat(secretRow).isNotNull();
			Cell value = secretRow.getCell(5);
			assertThat(value == null || value.getCellType() == CellType.BLANK).as("an empty cell, not 0").isTrue();
			assertThat(text(secretRow.getCell(7))).isEqualTo("sekretess");
		}
	}

	@Test
	void aLiveReferenceShowsTheLatestValueWithItsStatusAndTheGapInItsTable() {
		String html = this.references.html(this.organisation, "[[indikator:TEST_SAKNAS@24]]",
				java.util.Locale.forLanguageTag("sv"));
		assertThat(html).contains("<strong>22,0 antal</strong> (2024, preliminärt)").contains("– saknas");
		String until2023 = this.references.html(this.organisation, "[[indikator:TEST_SAKNAS@24]]",
				java.util.Locale.forLanguageTag("sv"), "2023");
		assertThat(until2023).contains("<strong>20,0 antal</strong> (2022)");
		String text = this.references.asText(this.organisation, "[[indikator:TEST_SAKNAS@24]]", "2023");
		assertThat(text).contains("20,0 antal (2022").doesNotContain(": 0");
	}

	@Test
	void theAnnualReportShowsTheLatestPresentValueAndTheMissingOneAsADashWithItsReason() throws Exception {
		DemoIds ids = DemoIds.of(this.jdbc);
		String report = this.mvc
			.perform(get("/followup/{cycle}/products/{product}/report", ids.cycle(), ids.product()).with(reader()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(report).as("the 2023 report shows 2022's value, not 2023 as 0")
			.containsPattern("<td>Testindikator med luckor</td><td>antal</td><td>2022</td><td class=\"num\">20,0</td>");
		byte[] xlsx = this.mvc
			.perform(get("/followup/{cycle}/products/{product}/report.xlsx", ids.cycle(), ids.product()).with(reader()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		List<String> chartData = new ArrayList<>();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Sheet sheet : book) {
				if (sheet.getSheetName().contains("Testindikator")) {
					// The chart's data in long form: period and value beside the codes.
					for (Row row : sheet) {
						chartData.add(text(row.getCell(5)) + "=" + text(row.getCell(6)));
					}
				}
			}
		}
		assertThat(chartData).contains("2022=20", "2023=– saknas");
	}

	private static String text(Cell cell) {
		if (cell == null) {
			return "";
		}
		return cell.getCellType() == CellType.NUMERIC
				? java.math.BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString()
				: cell.getStringCellValue();
	}

}

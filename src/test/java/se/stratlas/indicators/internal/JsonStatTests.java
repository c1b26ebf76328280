package se.stratlas.indicators.internal;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import se.stratlas.indicators.Period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonStatTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void cellsAreReadInRowMajorOrderWithObjectOrArrayIndexes() {
		List<JsonStat.Cell> cells = JsonStat.read(this.json.readTree(
				"""
						{"class":"dataset","id":["Region","Tid"],"size":[2,2],
						 "dimension":{"Region":{"category":{"index":{"2480":0,"24":1}}},"Tid":{"category":{"index":["2023","2024"]}}},
						 "value":[1,2,3,null],"status":["","","",".."]}"""));
		assertThat(cells).hasSize(4);
		assertThat(cells.get(1).categories()).containsEntry("Region", "2480").containsEntry("Tid", "2024");
		assertThat(cells.get(2).categories()).containsEntry("Region", "24").containsEntry("Tid", "2023");
		assertThat(cells.get(3).value()).isNull();
		assertThat(cells.get(3).status()).isEqualTo("..");
	}

	@Test
	void aSparseValueObjectAndStatusObjectAreAccepted() {
		List<JsonStat.Cell> cells = JsonStat.read(this.json.readTree("""
				{"class":"dataset","id":["Tid"],"size":[3],"dimension":{"Tid":{"category":{"index":["a","b","c"]}}},
				 "value":{"0":5,"2":7},"status":{"1":"."}}"""));
		assertThat(cells).extracting(JsonStat.Cell::value).containsExactly(5.0, null, 7.0);
		assertThat(cells.get(1).status()).isEqualTo(".");
	}

	@Test
	void mismatchesAreReportedWithTheirPath() {
		assertThatThrownBy(() -> JsonStat.read(this.json.readTree("""
				{"class":"dataset","id":["Tid"],"size":[2],"dimension":{"Tid":{"category":{"index":["a","b"]}}},
				 "value":[1]}"""))).hasMessageContaining("$.value");
		assertThatThrownBy(() -> JsonStat.read(this.json.readTree("""
				{"class":"dataset","id":["Tid"],"size":[3],"dimension":{"Tid":{"category":{"index":["a","b"]}}},
				 "value":[1,2,3]}"""))).hasMessageContaining("$.size[0]");
		assertThatThrownBy(() -> JsonStat.read(this.json.readTree("{\"class\":\"collection\"}")))
			.hasMessageContaining("$.class");
	}

	@Test
	void scbPeriodCodesBecomePeriods() {
		assertThat(JsonStat.scbPeriod("2024M05")).isEqualTo(Period.month(2024, 5));
		assertThat(JsonStat.scbPeriod("2024K2")).isEqualTo(Period.parse("2024Q2"));
		assertThat(JsonStat.scbPeriod("2024")).isEqualTo(Period.year(2024));
		assertThat(JsonStat.scbPeriod("2024M13")).isNull();
	}

}

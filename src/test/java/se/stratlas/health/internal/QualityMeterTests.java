package se.stratlas.health.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import se.stratlas.health.HealthDataset.Variable;

import static org.assertj.core.api.Assertions.assertThat;

class QualityMeterTests {

	private static Variable code(String name, Variable.CodeSystem system) {
		return new Variable(name, Variable.Type.CODE, "", system, false, null, "");
	}

	@Test
	void icd10seCodesFollowTheirPattern() {
		Variable diagnosis = code("d", Variable.CodeSystem.ICD10SE);
		for (String good : List.of("I10", "E11.9", "J45.9", "S52.52", "K358", "I48")) {
			assertThat(QualityMeter.valid(diagnosis, good, Set.of())).as(good).isTrue();
		}
		for (String bad : List.of("X9", "10I", "e11.9", "E11.999", "EE1")) {
			assertThat(QualityMeter.valid(diagnosis, bad, Set.of())).as(bad).isFalse();
		}
	}

	@Test
	void kvaCodesAreThreeLettersAndTwoDigitsOrTwoAndThree() {
		Variable procedure = code("a", Variable.CodeSystem.KVA);
		assertThat(QualityMeter.valid(procedure, "JAH01", Set.of())).isTrue();
		assertThat(QualityMeter.valid(procedure, "AF021", Set.of())).isTrue();
		assertThat(QualityMeter.valid(procedure, "ZZ", Set.of())).isFalse();
		assertThat(QualityMeter.valid(procedure, "A1234", Set.of())).isFalse();
	}

	@Test
	void aDimensionWithNothingToMeasureIsEmptyNotPerfect() {
		Variable text = new Variable("t", Variable.Type.TEXT, "", Variable.CodeSystem.NONE, false, null, "");
		QualityMeter.Measures measures = QualityMeter.measure(List.of(text), List.of(Map.of("t", "a"), Map.of("t", "")),
				Set.of(), Set.of(), LocalDate.of(2026, 12, 3));
		assertThat(measures.completeness()).containsEntry("t", new BigDecimal("0.5000"));
		assertThat(measures.validity()).isNull();
		assertThat(measures.coverage()).isNull();
		assertThat(measures.consistency()).isNull();
		assertThat(measures.timelinessDays()).isNull();
		assertThat(measures.score()).isEqualByComparingTo("0.5");
	}

}

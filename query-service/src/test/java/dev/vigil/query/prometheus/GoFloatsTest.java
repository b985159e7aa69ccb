package dev.vigil.query.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected strings are what Prometheus 2.x/3.x answer (Go's strconv with jsonutil.MarshalFloat's format choice). */
class GoFloatsTest {

  @Test
  void writesShortestRoundTripDigitsInPlainNotation() {
    assertThat(GoFloats.format(1)).isEqualTo("1");
    assertThat(GoFloats.format(0.1)).isEqualTo("0.1");
    assertThat(GoFloats.format(-2.5)).isEqualTo("-2.5");
    assertThat(GoFloats.format(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    assertThat(GoFloats.format(123456789.123)).isEqualTo("123456789.123");
    assertThat(GoFloats.format(1e20)).isEqualTo("100000000000000000000");
    assertThat(GoFloats.format(1e-6)).isEqualTo("0.000001");
    // JDK 17's Double.toString writes 2.82879384806159008E17 here; Go writes the shortest digits.
    assertThat(GoFloats.format(2.82879384806159E17)).isEqualTo("282879384806159000");
  }

  @Test
  void switchesToGoExponentFormOutsideThePlainRange() {
    assertThat(GoFloats.format(1e21)).isEqualTo("1e+21");
    assertThat(GoFloats.format(1.5e-7)).isEqualTo("1.5e-07");
    assertThat(GoFloats.format(-1.25e-10)).isEqualTo("-1.25e-10");
    assertThat(GoFloats.format(Double.MAX_VALUE)).isEqualTo("1.7976931348623157e+308");
    assertThat(GoFloats.format(Double.MIN_VALUE)).isEqualTo("5e-324");
  }

  @Test
  void spellsSpecialValuesAsGo() {
    assertThat(GoFloats.format(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
    assertThat(GoFloats.format(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
    assertThat(GoFloats.format(Double.NaN)).isEqualTo("NaN");
    assertThat(GoFloats.format(0.0)).isEqualTo("0");
    assertThat(GoFloats.format(-0.0)).isEqualTo("-0");
  }

  @Test
  void writesTimesAsSecondsWithMillisecondDecimals() {
    assertThat(GoFloats.seconds(1_435_781_451_781L)).hasToString("1435781451.781");
    assertThat(GoFloats.seconds(1_435_781_451_070L)).hasToString("1435781451.070");
    assertThat(GoFloats.seconds(1_435_781_451_000L)).hasToString("1435781451");
    assertThat(GoFloats.seconds(-1_500L)).hasToString("-1.500");
  }
}

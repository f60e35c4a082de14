package org.amity.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FormulaSafeTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      equals               | =1+1                  | '=1+1
      plus                 | +1+1                  | '+1+1
      minus                | -1+1                  | '-1+1
      at                   | @SUM(A1)              | '@SUM(A1)
      hyperlink            | =HYPERLINK("http://x") | '=HYPERLINK("http://x")
      negative number      | -3                    | -3
      decimal              | +1.5                  | +1.5
      plain text           | Rotterdam 鹿特丹       | Rotterdam 鹿特丹
      formula inside text  | a=1                   | a=1
      """)
  void aCellASpreadsheetWouldRunIsKeptAsText(String name, String value, String written) {
    assertThat(FormulaSafe.cell(value)).isEqualTo(written);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\t=1+1", "\r=1+1"})
  void aCellStartingWithATabOrCarriageReturnIsKeptAsText(String value) {
    assertThat(FormulaSafe.cell(value)).isEqualTo("'" + value);
  }
}

package io.qubench.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.qubench.circuit.UserInputException;

class BudgetFileTest {

    @TempDir
    Path dir;

    @Test
    void savedBudgetsLoadBackTheSameWithOpenLimitsAndQuotasLeftOpen() throws IOException {
        Budgets budgets = new Budgets(List.of(Budget.spending("ibm", BudgetPeriod.MONTH, 50.25),
                Budget.shots("*", BudgetPeriod.DAY, 10_000), new Budget("braket", BudgetPeriod.WEEK, 20, 500)));
        BudgetFile file = new BudgetFile(dir.resolve("data"));
        file.save(budgets);

        assertThat(file.path()).isEqualTo(dir.resolve("data").resolve(BudgetFile.FILE_NAME));
        assertThat(new BudgetFile(dir.resolve("data")).load().all()).isEqualTo(budgets.all());
        assertThat(Files.readString(file.path())).contains("\"limitUsd\" : 50.25").doesNotContain("Infinity");
        assertThat(Files.list(file.path().getParent()).map(p -> p.getFileName().toString())).containsExactly(BudgetFile.FILE_NAME);
    }

    @Test
    void noFileMeansNoBudgets() {
        assertThat(new BudgetFile(dir).load().all()).isEmpty();
    }

    @Test
    void settingABudgetReplacesTheOneForItsProviderAndPeriodAndRemovingLeavesTheOthers() {
        Budgets budgets = Budgets.NONE.with(Budget.spending("ibm", BudgetPeriod.MONTH, 50)).with(Budget.shots("ibm", BudgetPeriod.DAY, 10))
                .with(Budget.spending("ibm", BudgetPeriod.MONTH, 80));
        assertThat(budgets.all()).containsExactly(Budget.spending("ibm", BudgetPeriod.MONTH, 80), Budget.shots("ibm", BudgetPeriod.DAY, 10));
        assertThat(budgets.without("ibm", BudgetPeriod.MONTH).all()).containsExactly(Budget.shots("ibm", BudgetPeriod.DAY, 10));
        assertThat(budgets.without("ionq", BudgetPeriod.MONTH).all()).isEqualTo(budgets.all());
    }

    private void refused(String json, String... fragments) throws IOException {
        Path file = Files.writeString(dir.resolve(BudgetFile.FILE_NAME), json);
        assertThatThrownBy(() -> new BudgetFile(dir).load()).isInstanceOf(UserInputException.class)
                .hasMessageStartingWith(file.toString()).hasMessageContainingAll(fragments);
        assertThat(Files.readString(file)).isEqualTo(json);
    }

    @Test
    void aBadFileIsRefusedNamingTheFileAndFieldAndLeftAsItIs() throws IOException {
        refused("{\"budgets\": [", "not valid JSON");
        refused("{\"budget\": []}", "\"budgets\" must be a list");
        refused("{\"budgets\": [{\"provider\": \"acme\", \"period\": \"day\", \"shots\": 5}]}", "budgets[0].provider", "acme");
        refused("{\"budgets\": [{\"provider\": \"ibm\", \"period\": \"year\", \"shots\": 5}]}", "budgets[0].period", "year");
        refused("{\"budgets\": [{\"provider\": \"ibm\", \"period\": \"day\"}, {\"provider\": \"ibm\", \"period\": \"day\", "
                + "\"limitUsd\": -1}]}", "budgets[0]", "needs \"limitUsd\", \"shots\"");
        refused("{\"budgets\": [{\"provider\": \"ibm\", \"period\": \"day\", \"limitUsd\": -1}]}", "budgets[0].limitUsd", "-1");
        refused("{\"budgets\": [{\"provider\": \"ibm\", \"period\": \"day\", \"limitUsd\": \"ten\"}]}", "budgets[0].limitUsd", "ten");
        refused("{\"budgets\": [{\"provider\": \"ibm\", \"period\": \"day\", \"shots\": 2.5}]}", "budgets[0].shots", "2.5");
        refused("{\"budgets\": [{\"provider\": \"ibm\", \"period\": \"day\", \"shots\": 5}, "
                + "{\"provider\": \"ibm\", \"period\": \"DAY\", \"shots\": 6}]}", "budgets[1]", "a second daily budget for ibm");
    }

    @Test
    void aFailedLoadDoesNotLeadToTheFileBeingOverwritten() throws IOException {
        String bad = "{\"budgets\": [{\"provider\": \"ibm\", \"period\": \"fortnight\", \"shots\": 5}]}";
        Path file = Files.writeString(dir.resolve(BudgetFile.FILE_NAME), bad);
        BudgetFile budgets = new BudgetFile(dir);
        assertThatThrownBy(() -> budgets.save(budgets.load().with(Budget.shots("ionq", BudgetPeriod.DAY, 1))))
                .isInstanceOf(UserInputException.class);
        assertThat(Files.readString(file)).isEqualTo(bad);
    }
}

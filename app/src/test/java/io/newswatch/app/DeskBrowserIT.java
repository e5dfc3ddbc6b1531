package io.newswatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.newswatch.app.testkit.KafkaBrokerExtension;
import io.newswatch.app.testkit.KafkaCluster;
import io.newswatch.model.Alert;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The desk in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, driven by Selenium with
 * both paths given, so nothing is downloaded): an analyst signs in, sees a new alert arrive without a reload, filters,
 * opens the story and acknowledges it; the acknowledgement is there after the service restarts; and a title full of
 * markup is shown as text. Skipped, saying why, where the browser is not installed ({@code .ci/run} installs it).
 */
@ExtendWith(KafkaBrokerExtension.class)
class DeskBrowserIT {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String HOSTILE = "<script>window.__pwned=1</script>Drone \"><img src=x onerror=alert(1)> school";

    @TempDir
    Path dir;

    static WebDriver browser() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "headless Chromium not installed: apt-get install chromium chromium-driver (.ci/run does) to run the browser test");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,900");
        return new ChromeDriver(service, options);
    }

    @Test
    void shouldSignInSeeNewAlertsLiveFilterAcknowledgeAndKeepItAcrossARestart(KafkaCluster kafka) throws Exception {
        WebDriver web = browser();
        try (DeskHarness desk = new DeskHarness(kafka, dir, null, Map.of()).start()) {
            // the raiser may send a new version of an alert while it is open, which redraws the view
            WebDriverWait wait = (WebDriverWait) new WebDriverWait(web, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class);
            Instant t = Instant.now().minusSeconds(600);
            desk.publish(DeskHarness.alert("calm1", "drone-training", "high", "Veterans open drone school near Kharkiv", "Kyiv Wire", "en", t));
            desk.publish(DeskHarness.alert("hostile", "drone-training", "medium", HOSTILE, "Odd Wire", "en", t.plusSeconds(1)));
            await().atMost(Duration.ofSeconds(60)).until(() -> desk.get("/api/alerts/hostile", DeskHarness.VIEWER).statusCode() == 200);

            web.get(desk.base() + "/");
            signIn(web, wait);
            wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("li.alert-row"), 2));

            // markup in feed text is text: the exact string shows, nothing runs, no image is made
            assertThat(row(web, "hostile").findElement(By.className("alert-title")).getText()).isEqualTo(HOSTILE);
            assertThat(web.findElements(By.cssSelector("#alert-list img"))).isEmpty();
            row(web, "hostile").click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-title"), "onerror"));
            assertThat(web.findElement(By.id("detail-title")).getText()).isEqualTo(HOSTILE);
            assertThat(web.findElements(By.cssSelector("#detail img"))).isEmpty();
            assertThat(((JavascriptExecutor) web).executeScript("return window.__pwned === undefined")).isEqualTo(true);
            assertThatThrownBy(() -> web.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
            // everything the page needs comes from the service, within its policy
            assertThat(web.manage().logs().get("browser").getAll()).extracting(e -> e.getMessage())
                    .noneMatch(m -> m.contains("Content Security Policy") || m.contains("Refused to"));

            // a new alert appears without a reload (a marker set on this page survives): the service's own raiser
            // raises it from two matched articles of one story, from two outlets
            ((JavascriptExecutor) web).executeScript("window.__sameDocument = 'yes'");
            Alert story = DeskHarness.alert("fresh", "cartel-recruitment", "high", "unused", "unused", "es", Instant.now());
            desk.publishArticleOf(story, "fresh-a", "Cartel recruits former drone pilots with job ads", "Jalisco Post", "es");
            desk.publishArticleOf(story, "fresh-b", "Cártel recluta a expilotos de drones con anuncios de empleo", "Diario del Norte", "es");
            String fresh = Alert.idFor(story.storyId(), "cartel-recruitment");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.alert-row[data-id='" + fresh + "']")));
            assertThat(((JavascriptExecutor) web).executeScript("return window.__sameDocument")).isEqualTo("yes");
            assertThat(web.findElements(By.cssSelector("li.alert-row")).get(0).getAttribute("data-id")).isEqualTo(fresh);

            // filter by rule
            new Select(web.findElement(By.id("f-rule"))).selectByValue("cartel-recruitment");
            web.findElement(By.id("apply-filters")).click();
            wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("li.alert-row"), 1));
            assertThat(web.findElement(By.cssSelector("li.alert-row")).getAttribute("data-id")).isEqualTo(fresh);

            // open it: the story's articles across outlets, the passage with its terms marked
            wait.until(d -> {
                row(d, fresh).click();
                return true;
            });
            wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#story-articles > li"), 2));
            wait.until(d -> d.findElement(By.id("story-articles")).getText().contains("Diario del Norte"));
            String storyText = wait.until(d -> d.findElement(By.id("story-articles")).getText());
            assertThat(storyText).contains("Jalisco Post", "Diario del Norte", "Cártel recluta");
            List<String> marked = wait.until(d -> d.findElements(By.cssSelector("#detail-body > blockquote.snippet mark")).stream()
                    .map(WebElement::getText).toList());
            assertThat(marked).containsExactly("trained", "drone");

            // acknowledge
            wait.until(d -> {
                d.findElement(By.id("act-acknowledge")).click();
                return true;
            });
            wait.until(ExpectedConditions.attributeContains(By.id("triage-status"), "class", "status-acknowledged"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.alert-row[data-id='" + fresh + "'] .status-acknowledged")));
            ((TakesScreenshot) web).getScreenshotAs(OutputType.FILE).renameTo(Path.of("target", "desk-browser.png").toFile());

            // the service restarts (sessions are gone: sign in again); the acknowledgement is kept
            desk.restart();
            web.get(desk.base() + "/");
            signIn(web, wait);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.alert-row[data-id='" + fresh + "']")));
            new Select(web.findElement(By.id("f-status"))).selectByValue("acknowledged");
            web.findElement(By.id("apply-filters")).click();
            wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("li.alert-row"), 1));
            wait.until(d -> {
                row(d, fresh).click();
                return true;
            });
            wait.until(ExpectedConditions.attributeContains(By.id("triage-status"), "class", "status-acknowledged"));
            assertThat(web.findElement(By.id("triage")).getText()).contains("ana", "acknowledge");
            assertThat(desk.get("/api/alerts/" + fresh + "/feedback", DeskHarness.VIEWER).body()).contains("\"status\":\"ACKNOWLEDGED\"", "\"by\":\"ana\"");
        } finally {
            web.quit();
        }
    }

    static void signIn(WebDriver web, WebDriverWait wait) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-token"))).sendKeys(DeskHarness.ANALYST);
        web.findElement(By.id("signin-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who-name"), "ana"));
    }

    static WebElement row(WebDriver web, String id) {
        return web.findElement(By.cssSelector("li.alert-row[data-id='" + id + "']"));
    }
}

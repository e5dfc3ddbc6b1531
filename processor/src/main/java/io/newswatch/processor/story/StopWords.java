package io.newswatch.processor.story;

import io.newswatch.processor.entities.TextFolder;
import java.util.HashSet;
import java.util.Set;

/**
 * Function words and reporting boilerplate of the five watched languages, folded, so that story similarity
 * rests on what an article reports rather than on "said", "según" or "заявил". One set serves every language:
 * an article's language may be unknown, and no entry is a content word in another of the five.
 */
final class StopWords {
    private static final String EN = """
            a about above after again against all also although am an and another any are around as at be because
            been before being below between both but by can could did do does doing down during each either else
            even ever every few for from further had has have having he her here hers herself him himself his how
            however i if in into is it its itself just least less like many may me might more most much must my
            myself near neither no nor not now of off on once one only or other others our ours out over own per
            rather same she should since so some such than that the their theirs them themselves then there these
            they this those though through thus to too toward towards under until up upon us very via was we were
            what when where whether which while who whom whose why will with within without would yet you your
            said says say saying told tell according reported reports report added adding statement spokesman
            spokeswoman official officials news week weeks day days year years month months monday tuesday wednesday
            thursday friday saturday sunday today yesterday people new first last two three four five six seven eight
            nine ten several including include includes including also mr mrs ms percent around about well still
            """;
    private static final String ES = """
            a al algo algunas algunos ante antes aquel aquella aquellas aquellos aqui asi aun aunque bajo bien cada
            casi como con contra cual cuales cuando de del desde donde dos durante e el ella ellas ello ellos en entre
            era eran es esa esas ese eso esos esta estaba estaban estan estar este esto estos fue fueron ha habia
            han hasta hay la las le les lo los mas me mi mientras muy nada ni no nos nosotros o otra otras otro otros
            para pero poco por porque que quien quienes se segun ser si sido sin sobre son su sus tambien tan tanto
            te tiene tienen todo todos tras tu un una uno unos unas y ya dijo dice afirmo informo senalo agrego
            explico segun anuncio aseguro indico lunes martes miercoles jueves viernes sabado domingo ano anos dia
            dias semana mes meses hoy ayer personas tres cuatro cinco seis siete ocho nueve diez ademas este esta
            """;
    private static final String PT = """
            a ao aos as ate com como contra da das de desde do dos e ela elas ele eles em entre era essa esse esta
            este eu foi foram ha isso isto ja mais mas me mesmo muito na nas nao nem no nos o os ou para pela pelas
            pelo pelos por quando que quem se sem ser seu seus sua suas tambem tem um uma umas uns disse afirmou
            segundo informou anunciou ano anos dia dias semana mes meses hoje ontem pessoas tres quatro cinco
            segunda terca quarta quinta sexta sabado domingo apos sobre
            """;
    private static final String RU = """
            и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот
            от меня еще нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь
            опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам
            чтоб без будто чего раз тоже себе под будет ж тогда кто этот того потому этого какой совсем ним здесь
            этом один почти мой тем чтобы нее были куда зачем всех никогда можно при наконец два об другой хоть
            после над больше тот через эти нас про всего них какая много разве три эту моя впрочем хорошо свою
            этой перед иногда лучше чуть том нельзя такой им более всегда конечно всю между это также который
            которые которая которых году года лет день дня недели заявил заявила сообщил сообщила сообщает
            словам данным понедельник вторник среду четверг пятницу субботу воскресенье человек около
            """;
    private static final String UK = """
            і й та в у на з із зі до від за по про для без над під при через як що це цей ця ці той та те ті він
            вона воно вони ми ви я ти його її їх їм нам вам мене тебе себе свій своя своє свої не ні так але або
            чи якщо коли де там тут вже ще теж також лише тільки навіть бо адже хоча який яка яке які якого якої
            яких було був була були бути є буде будуть може можуть має мають після перед між понад біля близько
            році року років день дня тижня заявив заявила повідомив повідомила повідомляє словами даними
            понеділок вівторок середу четвер п'ятницю суботу неділю людей осіб всі весь вся усі
            """;

    private static final Set<String> WORDS = build();

    private StopWords() {
    }

    /** True when the folded word carries no story-specific meaning. */
    static boolean contains(String folded) {
        return WORDS.contains(folded);
    }

    private static Set<String> build() {
        Set<String> words = new HashSet<>();
        for (String list : new String[] {EN, ES, PT, RU, UK}) {
            for (String w : list.split("\\s+")) {
                if (!w.isEmpty()) {
                    // Fold here so the lists can be written naturally (ё, й, ї) and still match folded text.
                    TextFolder.tokens(w).forEach(t -> words.add(t.text()));
                }
            }
        }
        return Set.copyOf(words);
    }
}

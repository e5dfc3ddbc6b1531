package io.newswatch.tools.synthetic;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The words shared by {@link RuleGenerator} and {@link SyntheticArticles}, so generated rules find generated
 * articles about as often as desk rules find news: topic words in five languages, common words, and a fixed
 * pool of invented proper names (people, places, organisations) that rules watch and articles mention.
 * Immutable; thread-safe.
 */
final class SyntheticVocabulary {

    static final List<String> LANGUAGES = List.of("en", "es", "pt", "uk", "ru");

    /** Topic → language → words (inflected as they appear in text). */
    static final Map<String, Map<String, List<String>>> TOPICS = Map.ofEntries(
            topic("drones",
                    "drone drones quadcopter FPV unmanned operators pilots interceptor loitering swarm",
                    "dron drones cuadricóptero FPV operadores pilotos interceptor enjambre aeronave tripulada",
                    "drone drones quadricóptero FPV operadores pilotos interceptador enxame aeronave remotamente",
                    "дрон дрони безпілотник FPV оператори пілоти перехоплювач рій квадрокоптер БПЛА",
                    "дрон дроны беспилотник FPV операторы пилоты перехватчик рой квадрокоптер БПЛА"),
            topic("crime",
                    "cartel cartels trafficking cocaine gang smuggling laboratory extortion kidnapping hitmen",
                    "cártel cárteles narcotráfico cocaína pandilla contrabando laboratorio extorsión secuestro sicarios",
                    "cartel facção tráfico cocaína quadrilha contrabando laboratório extorsão sequestro milícia",
                    "картель наркотрафік кокаїн банда контрабанда лабораторія вимагання викрадення угруповання кілери",
                    "картель наркотрафик кокаин банда контрабанда лаборатория вымогательство похищение группировка киллеры"),
            topic("elections",
                    "election ballot candidate voters campaign polling turnout parliament coalition referendum",
                    "elecciones boleta candidato votantes campaña encuesta participación parlamento coalición referéndum",
                    "eleição cédula candidato eleitores campanha pesquisa comparecimento parlamento coalizão referendo",
                    "вибори бюлетень кандидат виборці кампанія опитування явка парламент коаліція референдум",
                    "выборы бюллетень кандидат избиратели кампания опрос явка парламент коалиция референдум"),
            topic("energy",
                    "pipeline refinery crude tanker gas OPEC output barrels grid blackout",
                    "oleoducto refinería crudo petrolero gas OPEP producción barriles red apagón",
                    "oleoduto refinaria petróleo petroleiro gás OPEP produção barris rede apagão",
                    "трубопровід НПЗ нафта танкер газ ОПЕК видобуток барелів енергосистема блекаут",
                    "трубопровод НПЗ нефть танкер газ ОПЕК добыча баррелей энергосистема блэкаут"),
            topic("cyber",
                    "ransomware hackers breach malware phishing servers encryption outage espionage vulnerability",
                    "ransomware hackers filtración malware phishing servidores cifrado caída espionaje vulnerabilidad",
                    "ransomware hackers vazamento malware phishing servidores criptografia pane espionagem vulnerabilidade",
                    "вимагач хакери витік шкідливе фішинг сервери шифрування збій шпигунство вразливість",
                    "вымогатель хакеры утечка вредоносное фишинг серверы шифрование сбой шпионаж уязвимость"),
            topic("health",
                    "outbreak vaccine hospital virus epidemic patients clinics doctors infections quarantine",
                    "brote vacuna hospital virus epidemia pacientes clínicas médicos infecciones cuarentena",
                    "surto vacina hospital vírus epidemia pacientes clínicas médicos infecções quarentena",
                    "спалах вакцина лікарня вірус епідемія пацієнти клініки лікарі інфекції карантин",
                    "вспышка вакцина больница вирус эпидемия пациенты клиники врачи инфекции карантин"),
            topic("shipping",
                    "port container vessel cargo strait freighter shipowners insurers convoy piracy",
                    "puerto contenedor buque carga estrecho carguero navieras aseguradoras convoy piratería",
                    "porto contêiner navio carga estreito cargueiro armadores seguradoras comboio pirataria",
                    "порт контейнер судно вантаж протока суховантаж судновласники страховики конвой піратство",
                    "порт контейнер судно груз пролив сухогруз судовладельцы страховщики конвой пиратство"),
            topic("migration",
                    "migrants asylum border deportation caravan refugees smugglers detention crossings visas",
                    "migrantes asilo frontera deportación caravana refugiados coyotes detención cruces visas",
                    "migrantes asilo fronteira deportação caravana refugiados coiotes detenção travessias vistos",
                    "мігранти притулок кордон депортація караван біженці перевізники затримання перетини візи",
                    "мигранты убежище граница депортация караван беженцы перевозчики задержание переходы визы"),
            topic("finance",
                    "sanctions bank inflation currency bonds investors lenders default tariffs markets",
                    "sanciones banco inflación moneda bonos inversores prestamistas impago aranceles mercados",
                    "sanções banco inflação moeda títulos investidores credores calote tarifas mercados",
                    "санкції банк інфляція валюта облігації інвестори кредитори дефолт мита ринки",
                    "санкции банк инфляция валюта облигации инвесторы кредиторы дефолт пошлины рынки"),
            topic("military",
                    "brigade artillery missile offensive troops battalion frontline shelling mercenaries recruits",
                    "brigada artillería misil ofensiva tropas batallón frente bombardeo mercenarios reclutas",
                    "brigada artilharia míssil ofensiva tropas batalhão front bombardeio mercenários recrutas",
                    "бригада артилерія ракета наступ війська батальйон фронт обстріл найманці новобранці",
                    "бригада артиллерия ракета наступление войска батальон фронт обстрел наемники новобранцы"),
            topic("climate",
                    "flood drought wildfire hurricane emissions heatwave glacier rainfall evacuation landslide",
                    "inundación sequía incendio huracán emisiones ola glaciar lluvias evacuación deslave",
                    "enchente seca incêndio furacão emissões onda geleira chuvas evacuação deslizamento",
                    "повінь посуха пожежа ураган викиди спека льодовик опади евакуація зсув",
                    "наводнение засуха пожар ураган выбросы жара ледник осадки эвакуация оползень"),
            topic("technology",
                    "semiconductor chips satellite startup algorithm datacenter robotics telecom software network",
                    "semiconductor chips satélite startup algoritmo centro robótica telecomunicaciones software red",
                    "semicondutor chips satélite startup algoritmo datacenter robótica telecomunicações software rede",
                    "напівпровідник чипи супутник стартап алгоритм датацентр робототехніка телеком програми мережа",
                    "полупроводник чипы спутник стартап алгоритм датацентр робототехника телеком программы сеть"));

    /** Common words per language, to fill sentences between topic words. */
    static final Map<String, List<String>> COMMON = Map.of(
            "en", words("the of and to in a that for on with as was said by from at it an be is were has have "
                    + "its after had but this will been more than also which their about who over two new officials "
                    + "government week year people local police report city region country minister told according "
                    + "would could last since into most other some first three months under against while"),
            "es", words("el la de que y a en los las del se por con para una un su al lo como más pero sus le ya "
                    + "fue según este esta entre cuando también sobre desde gobierno año semana personas región ciudad "
                    + "país ministro policía informe dijo autoridades tres meses donde durante contra mientras"),
            "pt", words("o a de que e do da em um uma para com não os as por mais se na no ao dos das como mas "
                    + "foi segundo este esta entre quando também sobre desde governo ano semana pessoas região cidade "
                    + "país ministro polícia relatório disse autoridades três meses onde durante contra enquanto"),
            "uk", words("і в на що з не до за як та у про від але це його її їх було був була після також "
                    + "уряд рік тиждень люди регіон місто країна міністр поліція звіт сказав влада три місяці де "
                    + "під час проти поки щонайменше ще вже лише"),
            "ru", words("и в на что с не по за как к у о от но это его ее их было был была после также "
                    + "правительство год неделя люди регион город страна министр полиция доклад сказал власти три "
                    + "месяца где во время против пока по меньшей мере еще уже только"));

    /** Invented proper names: the same pool whatever the seed, so rules and articles share them. */
    static final List<String> NAMES = names(600, 20_251_121L);

    private SyntheticVocabulary() {
    }

    static List<String> topicNames() {
        return TOPICS.keySet().stream().sorted().toList();
    }

    static List<String> topicWords(String topic, String lang) {
        return TOPICS.get(topic).get(lang);
    }

    private static Map.Entry<String, Map<String, List<String>>> topic(String name, String en, String es, String pt, String uk, String ru) {
        return Map.entry(name, Map.of("en", words(en), "es", words(es), "pt", words(pt), "uk", words(uk), "ru", words(ru)));
    }

    private static List<String> words(String s) {
        return List.of(s.trim().split("\\s+"));
    }

    private static List<String> names(int count, long seed) {
        String[] syllables = {"va", "ren", "ko", "mor", "al", "es", "tan", "li", "zar", "gu", "de", "ra", "ba", "nov", "che",
            "sil", "ma", "to", "ri", "van", "os", "ku", "lin", "por", "ta", "be", "do", "mi", "sa", "ner", "go", "vel"};
        Random r = new Random(seed);
        Set<String> out = new LinkedHashSet<>();
        while (out.size() < count) {
            int n = 2 + r.nextInt(2);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                sb.append(syllables[r.nextInt(syllables.length)]);
            }
            out.add(Character.toUpperCase(sb.charAt(0)) + sb.substring(1));
        }
        return List.copyOf(new ArrayList<>(out));
    }
}

package org.amity.producers.sheet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.amity.contract.EventType;
import org.amity.contract.EventTypes;
import org.amity.events.AgreementKind;
import org.amity.events.DelegationLevel;
import org.amity.events.Direction;
import org.amity.events.Domain;
import org.amity.events.GatheringKind;
import org.amity.events.Milestone;
import org.amity.events.ProgrammeKind;
import org.amity.events.Venue;
import org.amity.labels.Labels;
import org.amity.partners.OfficeLevel;
import org.amity.partners.PartnerLevel;
import org.amity.partners.RelationshipKind;
import org.amity.partners.RelationshipStatus;
import org.apache.avro.Schema;

/**
 * The words a spreadsheet may use for the schema's symbols: each symbol itself (any case, spaces or hyphens
 * for underscores) and a few English and Chinese words, e.g. 来访 for INBOUND, 意向书 for LETTER_OF_INTENT.
 */
final class Vocabulary {
  /** Event types offices may import: their Avro names and the words of their declarations. */
  static final Vocabulary TYPES = types();

  static final Vocabulary DIRECTION = of("direction", Direction.SCHEMA$).inChinese("方向")
      .words("INBOUND", "in", "来访", "来", "来华")
      .words("OUTBOUND", "out", "出访", "去", "出");

  static final Vocabulary LEVEL = of("level", DelegationLevel.SCHEMA$).inChinese("级别")
      .words("HEAD_OF_GOVERNMENT", "head", "mayor", "governor", "政府首脑", "市长", "省长", "州长", "区长", "县长",
          "书记", "市委书记", "区委书记", "省委书记")
      .words("SENIOR_OFFICIAL", "senior", "高级官员", "副市长", "副省长", "副区长", "副县长", "副书记", "秘书长", "官员")
      .words("DEPARTMENT", "部门", "局", "委办局", "局长", "处长", "主任", "外办主任")
      .words("BUSINESS", "企业", "商界", "商务")
      .words("ACADEMIC", "学术", "高校", "大学")
      .words("CIVIL_SOCIETY", "民间", "社会团体")
      .words("YOUTH", "青年", "青少年", "学生");

  static final Vocabulary AGREEMENT_KIND = of("agreement kind", AgreementKind.SCHEMA$).inChinese("协议类别")
      .words("LETTER_OF_INTENT", "loi", "意向书")
      .words("SISTER_CITY_ESTABLISHMENT", "sister city", "友好城市", "缔结友好城市", "友城")
      .words("FRIENDLY_COOPERATION_ESTABLISHMENT", "friendly cooperation", "友好合作城市", "友好交流城市")
      .words("MEMORANDUM", "mou", "备忘录", "谅解备忘录")
      .words("COOPERATION_AGREEMENT", "agreement", "合作协议", "协议")
      .words("RENEWAL", "续签")
      .words("PROJECT_CONTRACT", "contract", "项目合同", "合同");

  static final Vocabulary GATHERING_KIND = of("gathering kind", GatheringKind.SCHEMA$).inChinese("活动类别")
      .words("FORUM", "论坛")
      .words("CONFERENCE", "会议", "大会")
      .words("FESTIVAL", "节", "艺术节", "音乐节", "节庆")
      .words("TOURNAMENT", "比赛", "锦标赛", "赛事")
      .words("COMMEMORATION", "纪念", "纪念活动", "周年")
      .words("PROMOTION", "推介", "推介会")
      .words("OTHER", "其他");

  static final Vocabulary MILESTONE = of("milestone", Milestone.SCHEMA$).inChinese("项目进展")
      .words("LAUNCHED", "launch", "启动", "签约启动")
      .words("PHASE_COMPLETED", "phase", "阶段完成")
      .words("COMPLETED", "done", "完成", "竣工")
      .words("CANCELLED", "canceled", "取消", "终止");

  static final Vocabulary PROGRAMME_KIND = of("programme kind", ProgrammeKind.SCHEMA$).inChinese("交流项目类别")
      .words("STUDENTS", "student", "学生")
      .words("YOUTH", "青年", "青少年")
      .words("TRAINING", "培训", "研修")
      .words("SPORT", "体育")
      .words("CULTURE", "文化")
      .words("PROFESSIONAL", "专业", "专业人员");

  static final Vocabulary VENUE = of("venue", Venue.SCHEMA$).inChinese("地点")
      .words("HOME", "本市", "主场", "本地")
      .words("PARTNER", "对方", "对方城市", "伙伴城市")
      .words("ELSEWHERE", "online", "其他", "第三地", "线上");

  static final Vocabulary DOMAIN = of("domain", Domain.SCHEMA$).inChinese("领域")
      .words("ECONOMY_AND_TRADE", "economy", "trade", "经贸", "经济", "贸易")
      .words("CULTURE", "文化")
      .words("EDUCATION_AND_YOUTH", "education", "youth", "教育", "青年", "教育青年")
      .words("HEALTH", "卫生", "医疗", "健康")
      .words("SCIENCE_AND_TECHNOLOGY", "science", "technology", "科技")
      .words("URBAN_DEVELOPMENT", "urban", "城市发展", "城市规划", "城建")
      .words("PORTS_AND_LOGISTICS", "ports", "port", "logistics", "港口", "航运", "物流")
      .words("ENVIRONMENT", "环境", "环保", "生态")
      .words("TOURISM", "旅游")
      .words("SPORT", "体育")
      .words("GOVERNANCE", "治理", "政务")
      .words("SOCIAL_AFFAIRS", "social", "社会", "民政", "社会事务")
      .words("OTHER", "其他");

  static final Vocabulary OFFICE_LEVEL = of("office level", OfficeLevel.SCHEMA$).inChinese("外办级别")
      .words("PROVINCE", "省", "省级", "自治区", "直辖市")
      .words("CITY", "市", "市级", "地级市", "副省级城市")
      .words("DISTRICT", "区", "区级", "县", "县级", "县级市")
      .words("OTHER", "其他");

  static final Vocabulary RELATIONSHIP_KIND = of("relationship kind", RelationshipKind.SCHEMA$).inChinese("关系类型")
      .words("SISTER_CITY", "sister city", "友好城市", "友城", "姐妹城市", "友好省州")
      .words("FRIENDLY_COOPERATION", "friendly cooperation", "友好合作城市", "友好交流城市", "友好合作关系", "友好交流关系")
      .words("PORT_PARTNERSHIP", "port", "友好港", "友好港口")
      .words("OTHER", "其他");

  static final Vocabulary PARTNER_LEVEL = of("partner level", PartnerLevel.SCHEMA$).inChinese("伙伴级别")
      .words("CITY", "城市", "市")
      .words("PROVINCE_OR_STATE", "province", "state", "省", "州", "省州", "省/州")
      .words("REGION", "大区", "地区")
      .words("DISTRICT", "区", "县")
      .words("PORT", "港口", "港")
      .words("COUNTRY", "国家")
      .words("OTHER", "其他");

  static final Vocabulary STATUS = of("status", RelationshipStatus.SCHEMA$).inChinese("状态")
      .words("LETTER_OF_INTENT", "intent", "意向", "意向书", "签署意向书")
      .words("FORMAL", "正式", "已结好", "正式结好")
      .words("SUSPENDED", "暂停", "中止")
      .words("ENDED", "已终止", "终止", "解除", "结束");

  static final Vocabulary LANGUAGE = new Vocabulary("language", List.of("zh", "en")).inChinese("语言")
      .words("zh", "中文", "汉语", "chinese")
      .words("en", "英文", "英语", "english");

  static final Vocabulary CURRENCY = new Vocabulary("currency", List.of())
      .words("CNY", "人民币", "rmb")
      .words("USD", "美元", "us$")
      .words("EUR", "欧元")
      .words("JPY", "日元")
      .words("GBP", "英镑")
      .words("HKD", "港元", "港币");

  /** The vocabularies of the contract's enums that spreadsheets fill, by the enum's full name. */
  private static final Map<String, Vocabulary> BY_ENUM = new LinkedHashMap<>();

  static {
    for (Vocabulary vocabulary : List.of(DIRECTION, LEVEL, AGREEMENT_KIND, GATHERING_KIND, MILESTONE, PROGRAMME_KIND,
        VENUE)) {
      BY_ENUM.put(vocabulary.enumName, vocabulary);
    }
  }

  private final String what;
  private String enumName;
  private String whatZh;
  private final List<String> symbols;
  private final Map<String, String> words = new LinkedHashMap<>();
  private final Map<String, List<String>> synonyms = new LinkedHashMap<>();

  private Vocabulary(String what, List<String> symbols) {
    this.what = what;
    this.symbols = symbols;
    for (String symbol : symbols) {
      words.put(key(symbol), symbol);
    }
  }

  private static Vocabulary of(String what, Schema enumSchema) {
    Vocabulary vocabulary = new Vocabulary(what, enumSchema.getEnumSymbols());
    vocabulary.enumName = enumSchema.getFullName();
    return vocabulary;
  }

  /**
   * The words for an enum of the contract: its own vocabulary, or, for an enum that has none, its symbols and their
   * names in both languages.
   */
  static Vocabulary forEnum(Schema enumSchema) {
    Vocabulary known = BY_ENUM.get(enumSchema.getFullName());
    if (known != null) {
      return known;
    }
    Vocabulary vocabulary = of(enumSchema.getName(), enumSchema);
    for (String symbol : enumSchema.getEnumSymbols()) {
      String key = enumSchema.getName() + "." + symbol;
      vocabulary.words(symbol, Stream.of(Labels.ZH, Labels.EN).map(language -> Labels.text(key, language))
          .filter(word -> !word.equals(key)).toArray(String[]::new));
    }
    return vocabulary;
  }

  private static Vocabulary types() {
    List<EventType> imported = EventTypes.all().stream().filter(EventType::imported).toList();
    Vocabulary types = new Vocabulary("type", imported.stream().map(EventType::name).toList()).inChinese("类型");
    imported.forEach(type -> types.words(type.name(), type.sheetWords().toArray(String[]::new)));
    return types;
  }

  private Vocabulary inChinese(String what) {
    this.whatZh = what;
    return this;
  }

  private Vocabulary words(String symbol, String... synonyms) {
    for (String word : synonyms) {
      words.put(key(word), symbol);
    }
    this.synonyms.computeIfAbsent(symbol, s -> new ArrayList<>()).addAll(List.of(synonyms));
    return this;
  }

  /** The symbol a word stands for. */
  Optional<String> symbol(String word) {
    return Optional.ofNullable(words.get(key(word)));
  }

  /** What a problem says about a word that stands for nothing. */
  String unknown(String word) {
    return "unknown " + what + " \"" + word + "\"; one of " + choices();
  }

  /** {@link #unknown} in Chinese first (each symbol with every Chinese word for it), English beside it. */
  String unknownInBothLanguages(String word) {
    return "未知的" + (whatZh == null ? what : whatZh) + "“" + word + "”；可用：" + choicesInChinese() + " / " + unknown(word);
  }

  /** What a problem says about an empty cell that must hold one of the words. */
  String requiredInBothLanguages() {
    return "必须填写，可用：" + choicesInChinese() + " / is required: one of " + choices();
  }

  /** Every symbol with every word for it: "INBOUND (in, 来访, 来, 来华), OUTBOUND (...)". */
  private String choices() {
    StringBuilder accepted = new StringBuilder();
    for (String symbol : symbols.isEmpty() ? List.copyOf(this.synonyms.keySet()) : symbols) {
      List<String> synonyms = this.synonyms.getOrDefault(symbol, List.of());
      accepted.append(accepted.isEmpty() ? "" : ", ").append(symbol);
      if (!synonyms.isEmpty()) {
        accepted.append(" (").append(String.join(", ", synonyms)).append(")");
      }
    }
    return accepted.toString();
  }

  /** Every symbol with its Chinese words: "来访、来、来华（INBOUND）；出访、去、出（OUTBOUND）". */
  private String choicesInChinese() {
    List<String> accepted = new ArrayList<>();
    for (String symbol : symbols) {
      List<String> chinese = synonyms.getOrDefault(symbol, List.of()).stream()
          .filter(w -> w.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
          .toList();
      accepted.add(chinese.isEmpty() ? symbol : String.join("、", chinese) + "（" + symbol + "）");
    }
    return String.join("；", accepted);
  }

  private static String key(String word) {
    return word.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "");
  }
}

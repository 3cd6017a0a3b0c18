namespace Gongkai.Tests.Input;

/// <summary>Figures taken by hand from the four seed disclosures in shared/seeds, the reference the sample input must match.</summary>
public static class SeedFigures
{
    /// <summary>Per disclosure: region slug, fiscal year, objectCount, reportCount, withheldCount, totalAmount (万元), published rows, withheld rows (null: not itemised).</summary>
    public static TheoryData<string, int, int, int, int, decimal, int?, int?> Disclosures => new()
    {
        { "kashi-edz", 2024, 11, 11, 5, 13400m, 6, 5 },   // 11个评价对象 … 1.34亿元 … 5个项目报告 … 不予公开
        { "bayingolin", 2024, 11, 11, 2, 53800m, 9, 2 },  // 11 个评价对象 … 5.38 亿元 … 2 个项目报告 … 不予公开
        { "karamay", 2023, 10, 10, 0, 238100m, 10, 0 },   // 10 个评价对象 … 23.81 亿元 … 0 个项目报告
        { "zhundong", 2021, 5, 5, 0, 2700m, null, null }, // 评价项目 5 个，评价资金共计 0.27 亿元; no titles
    };

    /// <summary>克拉玛依 2023: catalogue no, score, grade and itemised amount (万元, null where the source gives none).</summary>
    public static TheoryData<int, decimal, string, decimal?> Karamay => new()
    {
        { 1, 91.5m, "优", 133.5m },     // 委托业务专项
        { 2, 91.43m, "优", 19.76m },    // 调查研究专项
        { 3, 83.32m, "良", 465.47m },   // 未保中心（救助站）
        { 4, 84.76m, "良", 338.43m },   // 医疗设备购置（重症医疗设备）
        { 5, 85.93m, "良", 1788.07m },  // 发放电子消费券
        { 6, 90.35m, "优", 2177.62m },  // 第二污水处理厂污水收集系统工程（一期）
        { 7, 92.2m, "优", 5400.96m },   // 水务局部门整体
        { 8, 94.33m, "优", 4240.00m },  // 党校迁建 = 6756.05 − 338.43 − 2177.62
        { 9, 86.93m, "良", 2438m },     // 涉粮企业土地确权
        { 10, 96.02m, "优", null },     // 白碱滩区财政运行
    };

    /// <summary>By-category counts as the sources state them (categories a source does not mention are absent).</summary>
    public static TheoryData<string, string, int> ByCategory => new()
    {
        { "kashi-edz", "department-overall", 1 }, { "kashi-edz", "subordinate-government", 0 }, { "kashi-edz", "fiscal-policy", 3 },
        { "kashi-edz", "government-services", 3 }, { "kashi-edz", "special-bond", 0 }, { "kashi-edz", "other-major", 4 },
        { "bayingolin", "department-overall", 1 }, { "bayingolin", "subordinate-government", 2 }, { "bayingolin", "fiscal-policy", 1 },
        { "bayingolin", "government-procurement", 2 }, { "bayingolin", "other-major", 5 },
        { "karamay", "department-overall", 1 }, { "karamay", "subordinate-government", 1 }, { "karamay", "fiscal-policy", 0 },
        { "karamay", "government-procurement", 3 }, { "karamay", "government-services", 1 }, { "karamay", "special-bond", 0 },
        { "karamay", "other-major", 4 },
    };

    /// <summary>The 巴州 catalogue titles, reassembled from the seed where page layout split them.</summary>
    public static readonly string[] BayingolinTitles =
    [
        "2024 年度巴州统计局第五次全国经济普查项目重点项目绩效评价报告",
        "2024 年度巴州农业科学研究院 2024 年棉花产业集群项目重点项目绩效评价报告",
        "2024 年度巴州民政局社会服务设施兜底工程-儿童福利设施项目重点项目绩效评价报告",
        "2024 年度巴州医疗保障局 2024 城乡居民基本医疗保险财政补助资金重点项目绩效评价报告",
        "2024 年度巴州红旗高级技工学校（巴州红旗中等职业学校）中央现代职业教育质量提升项目重点项目绩效评价报告",
        "2024 年度巴州博斯腾湖科学研究所博斯腾湖化学需氧量 (CODcr)超标溯源及监测平台建设项目重点项目绩效评价报告",
        "2024 年度库尔勒经济技术开发区市场监督管理局部门整体支出绩效评价报告",
        "2024 年度库尔勒经济技术开发区人才服务中心 5111 人才专项资金项目重点项目绩效评价报告",
        "2024 年度库尔勒经济技术开发区管理委员会经济发展局中央专项彩票公益金支持残疾人事业发展补助资金项目重点项目绩效评价报告",
    ];
}

using PatentTransfer.Domain.Demands;

namespace PatentTransfer.Domain.Tests.Demands;

/// <summary>A complete, valid demand as an SME of Hebei would write it, for tests to change one thing at a time.</summary>
internal static class DemandSamples
{
    public static readonly DateOnly Today = new(2026, 11, 25);
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);

    public static DemandDetails Details() => new(
        Title: "高韧性耐磨衬板材料",
        Type: DemandType.TechnicalProblem,
        IndustryCode: "new-materials",
        IpcHint: "C22C38/04",
        Keywords: ["耐磨", "衬板", "高锰钢"],
        Description: "我公司生产球磨机衬板，现用高锰钢衬板在中低冲击工况下加工硬化不足，寿命只有 4 个月，希望找到韧性和耐磨性兼顾的材料及热处理工艺。",
        Targets: [new DemandTarget("冲击韧性", TargetComparator.AtLeast, 67m, null, "J/cm²"), new DemandTarget("硬度", TargetComparator.Between, 45m, 55m, "HRC")],
        ExistingBasis: "中频感应炉 2 台，热处理线 1 条，技术人员 6 名。",
        TargetScene: "矿山球磨机衬板",
        Budget: new DemandBudget(false, 50m, 120m),
        PaymentPreferences: [PaymentPreference.LumpSum, PaymentPreference.Royalty],
        Modes: [DemandMode.Licence, DemandMode.Buy],
        ExpectedCompletion: Today.AddMonths(8),
        ValidUntil: Today.AddMonths(6),
        Confidentiality: DemandConfidentiality.Public,
        Contact: new DemandContact("张经理", "138 1234 5678", "zhang@example.com"));

    public static Demand NewDemand(DemandDetails? details = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), details ?? Details(), Today, Now);

    public static Demand Submitted()
    {
        var demand = NewDemand();
        demand.Submit(smeMayPublish: true, Today, Now);
        return demand;
    }

    public static Demand Published()
    {
        var demand = Submitted();
        demand.Approve(Guid.NewGuid(), Today, Now);
        return demand;
    }
}

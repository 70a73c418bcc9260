using System.Globalization;
using PatentTransfer.Domain.Demands;
using PatentTransfer.Web.Localization;
using T = PatentTransfer.Web.Localization.SharedResource;

namespace PatentTransfer.Web.Features.Demands;

/// <summary>How targets, budgets and confidentiality levels of a demand are worded in the reader's language.</summary>
public static class DemandTexts
{
    public static string Number(decimal value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    public static string Symbol(TargetComparator comparator) => comparator switch
    {
        TargetComparator.AtLeast => "≥",
        TargetComparator.AtMost => "≤",
        TargetComparator.Equal => "=",
        TargetComparator.GreaterThan => ">",
        TargetComparator.LessThan => "<",
        _ => "",
    };

    /// <summary>"拉伸强度 ≥ 600 MPa", "工作温度 -40–85 ℃".</summary>
    public static string Target(DemandTarget target)
    {
        var unit = string.IsNullOrEmpty(target.Unit) ? "" : " " + target.Unit;
        return target.Comparator == TargetComparator.Between
            ? $"{target.Indicator} {Number(target.Value ?? 0)}–{Number(target.UpperValue ?? 0)}{unit}"
            : $"{target.Indicator} {Symbol(target.Comparator)} {Number(target.Value ?? 0)}{unit}";
    }

    public static string Budget(DemandBudget budget) => budget switch
    {
        { Negotiable: true } => T.Demand_BudgetNegotiable,
        { MinWan: { } min, MaxWan: { } max } => Texts.Format(T.Demand_BudgetRange, Number(min), Number(max)),
        { MinWan: { } min } => Texts.Format(T.Demand_BudgetFrom, Number(min)),
        { MaxWan: { } max } => Texts.Format(T.Demand_BudgetUpTo, Number(max)),
        _ => "—",
    };

    /// <summary>The sentence that tells the SME what a confidentiality level means for who sees the demand.</summary>
    public static string Explain(DemandConfidentiality confidentiality) => Texts.Get($"Demand_Confidentiality_{confidentiality}_Explained");
}

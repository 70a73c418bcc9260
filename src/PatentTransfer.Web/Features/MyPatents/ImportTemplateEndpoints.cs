using PatentTransfer.Domain.Identity;
using PatentTransfer.Infrastructure.Patents.Import;

namespace PatentTransfer.Web.Features.MyPatents;

public static class ImportTemplateEndpoints
{
    /// <summary>The import template holders fill in: .xlsx with a guide sheet, or UTF-8 CSV (with BOM, so Excel reads it).</summary>
    public static IEndpointRouteBuilder MapImportTemplates(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/my/patents/template.xlsx", () =>
        {
            var buffer = new MemoryStream();
            PatentImportTemplate.WriteXlsx(buffer);
            return TypedResults.File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "专利导入模板.xlsx");
        }).RequireAuthorization(policy => policy.RequireRole(Roles.PatentHolder));

        endpoints.MapGet("/my/patents/template.csv", () =>
        {
            var buffer = new MemoryStream();
            PatentImportTemplate.WriteCsv(buffer);
            return TypedResults.File(buffer.ToArray(), "text/csv; charset=utf-8", "专利导入模板.csv");
        }).RequireAuthorization(policy => policy.RequireRole(Roles.PatentHolder));
        return endpoints;
    }
}

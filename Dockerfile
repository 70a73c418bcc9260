# Multi-stage build of the web app and the operator CLI.
#   docker compose up     (see docker-compose.yml and README.md)
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files only, so the layer is reused while sources change.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/PatentTransfer.Domain/PatentTransfer.Domain.csproj src/PatentTransfer.Domain/
COPY src/PatentTransfer.Matching/PatentTransfer.Matching.csproj src/PatentTransfer.Matching/
COPY src/PatentTransfer.Infrastructure/PatentTransfer.Infrastructure.csproj src/PatentTransfer.Infrastructure/
COPY src/PatentTransfer.Web/PatentTransfer.Web.csproj src/PatentTransfer.Web/
COPY src/PatentTransfer.Cli/PatentTransfer.Cli.csproj src/PatentTransfer.Cli/
RUN dotnet restore src/PatentTransfer.Web/PatentTransfer.Web.csproj \
 && dotnet restore src/PatentTransfer.Cli/PatentTransfer.Cli.csproj
COPY src/ src/
RUN dotnet publish src/PatentTransfer.Web/PatentTransfer.Web.csproj -c Release --no-restore -o /app/web \
 && dotnet publish src/PatentTransfer.Cli/PatentTransfer.Cli.csproj -c Release --no-restore -o /app/cli

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app/web
COPY --from=build /app /app
# Data the app writes: data-protection keys, the mail pickup folder and log files.
RUN mkdir -p /data/keys /data/mail /data/logs && chown -R app:app /data
USER app
ENV ASPNETCORE_URLS=http://+:8080 \
    DataProtection__KeysDirectory=/data/keys \
    Mail__PickupDirectory=/data/mail \
    Serilog__WriteTo__1__Args__path=/data/logs/portal-.log
EXPOSE 8080
ENTRYPOINT ["dotnet", "/app/web/PatentTransfer.Web.dll"]

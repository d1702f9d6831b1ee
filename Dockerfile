# SumahoSupport as a container: the published app only, run as a non-root user.
# Build:  docker build -t sumaho-support .
# Run:    see compose.yaml (PostgreSQL and a mail catcher) and README, "Production".
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props SumahoSupport.sln ./
COPY .config ./.config
COPY src ./src
COPY seed ./seed
COPY templates ./templates
RUN dotnet publish src/SumahoSupport.Web/SumahoSupport.Web.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# The pickup folder and a SQLite file (if used) live here; mount a volume for them.
RUN mkdir -p /app/App_Data && chown "$APP_UID" /app/App_Data
USER $APP_UID
ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
EXPOSE 8080
# Orchestrators probe /healthz/live (restart when it fails) and /healthz/ready (route traffic only when it answers 200).
ENTRYPOINT ["dotnet", "SumahoSupport.Web.dll"]
